// Drawing at most once per frame of the screen. A worker can report faster than the page can draw
// (and a busy machine makes the page slower still): each report only records what is new and asks
// for a frame, and the frame draws the latest state once, however many reports came before it.

/**
 * Returns { request(), flush() } for draw(): request() has draw() run before the next frame,
 * once however often it is asked; flush() runs an asked-for draw now (before a message that must
 * come after it), and does nothing when none is waiting.
 */
export function oncePerFrame(draw) {
  let frame = 0;  // the id of the frame asked for, 0 when none is
  const run = () => {
    frame = 0;
    draw();
  };
  return {
    request() {
      if (frame === 0) frame = requestAnimationFrame(run);
    },
    flush() {
      if (frame === 0) return;
      cancelAnimationFrame(frame);
      run();
    },
  };
}
