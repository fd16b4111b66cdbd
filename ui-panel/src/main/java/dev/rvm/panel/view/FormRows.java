package dev.rvm.panel.view;

import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import java.awt.GridBagConstraints;
import java.awt.Insets;

/** Label/field rows in a grid, with section headings. */
final class FormRows {
    private final JPanel form;
    private int y;

    FormRows(JPanel form) {
        this.form = form;
    }

    void section(String title) {
        JLabel l = new JLabel(title);
        l.putClientProperty("FlatLaf.styleClass", "h4");
        GridBagConstraints c = constraints(0, 2);
        c.insets = new Insets(y == 0 ? 0 : 12, 0, 4, 0);
        form.add(l, c);
        y++;
    }

    void row(String label, JComponent field) {
        form.add(new JLabel(label), constraints(0, 1));
        GridBagConstraints c = constraints(1, 1);
        c.fill = GridBagConstraints.HORIZONTAL;
        c.weightx = 1;
        form.add(field, c);
        y++;
    }

    void fill() {
        GridBagConstraints c = constraints(0, 2);
        c.weighty = 1;
        form.add(new JPanel(), c);
    }

    private GridBagConstraints constraints(int x, int width) {
        GridBagConstraints c = new GridBagConstraints();
        c.gridx = x;
        c.gridy = y;
        c.gridwidth = width;
        c.anchor = GridBagConstraints.WEST;
        c.insets = new Insets(2, 0, 2, 8);
        return c;
    }
}

