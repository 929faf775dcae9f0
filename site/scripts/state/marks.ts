// Performance marks the site benchmark reads (pipeline/bench/interaction.ts): the reader's first
// change of an interactive chart's controls, and each chart drawn in answer.
export const changeMark = "interactive-chart:change";
export const drawnMark = "interactive-chart:drawn";
