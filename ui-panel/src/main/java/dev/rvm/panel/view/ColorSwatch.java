package dev.rvm.panel.view;

import dev.rvm.matting.preset.BackgroundChoice;

import javax.swing.Icon;
import java.awt.Color;
import java.awt.Graphics;

/** The current background colour drawn on the colour button. */
final class ColorSwatch implements Icon {
    Color color = new Color(BackgroundChoice.DEFAULT.color(), true);

    @Override
    public void paintIcon(java.awt.Component c, Graphics g, int x, int y) {
        g.setColor(color);
        g.fillRoundRect(x, y, getIconWidth(), getIconHeight(), 4, 4);
        g.setColor(Color.GRAY);
        g.drawRoundRect(x, y, getIconWidth() - 1, getIconHeight() - 1, 4, 4);
    }

    @Override
    public int getIconWidth() {
        return 14;
    }

    @Override
    public int getIconHeight() {
        return 14;
    }
}

