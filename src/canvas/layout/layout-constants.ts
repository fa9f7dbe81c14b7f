// Sizes shared by the layouts and the canvas: StepNode is NODE_WIDTH wide (src/app/styles.css)
// and about NODE_HEIGHT tall; the presets are drawn on the same grid.
export const NODE_WIDTH = 168;
export const NODE_HEIGHT = 84;
export const LAYER_GAP_X = 220;
export const LAYER_GAP_Y = 110;
