package dev.rvm.batch.exec;

import dev.rvm.matting.Device;
import dev.rvm.matting.model.SessionTuning;
import org.apache.spark.TaskContext;
import org.apache.spark.resource.ResourceInformation;

import java.lang.management.ManagementFactory;

/**
 * What the scheduler gave the running task: its cores ({@code spark.task.cpus}, which become the
 * session's ONNX Runtime threads) and, on GPU executors, the GPU address from
 * {@code TaskContext.resources()} (the CUDA device the session runs on).
 */
public record TaskSlot(int cpus, Device device, int deviceIndex, String attemptId, String executor) {

    /** The current task's slot; {@code requested} is the device the settings ask for. */
    public static TaskSlot current(Device requested) {
        TaskContext ctx = TaskContext.get();
        int cpus = ctx == null ? Runtime.getRuntime().availableProcessors() : Math.max(1, ctx.cpus());
        Device device = requested;
        int index = 0;
        if (ctx != null) {
            ResourceInformation gpu = ctx.resourcesJMap().get("gpu");
            if (gpu != null && gpu.addresses().length > 0) {
                device = Device.CUDA;
                index = parseAddress(gpu.addresses()[0]);
            }
        }
        String attempt = ctx == null ? "local-" + System.nanoTime()
                : sanitize(org.apache.spark.SparkEnv.get().conf().getAppId()) + "-" + ctx.taskAttemptId();
        return new TaskSlot(cpus, device, index, attempt, ManagementFactory.getRuntimeMXBean().getName());
    }

    public SessionTuning tuning() {
        return SessionTuning.of(cpus, device).onDevice(deviceIndex);
    }

    static int parseAddress(String address) {
        try {
            return Integer.parseInt(address.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the GPU address '" + address + "' this task was given is not a CUDA device"
                    + " number; make the executors' GPU discovery script print device numbers", e);
        }
    }

    private static String sanitize(String s) {
        return s.replaceAll("[^A-Za-z0-9_-]", "_");
    }
}
