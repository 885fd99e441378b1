// The image change form's focal-point editor: clicking the picture, or the arrow keys
// while it has focus, sets the "focal point" inputs and moves the marker; typing in the
// inputs moves it too. The three crop previews follow, cut by the same rule as
// crop_box() in articles/renditions.py, so they show what saving will make.
"use strict";
{
  const STEP = 0.01;
  const BIG_STEP = 0.1;
  const MOVES = {
    ArrowLeft: [-1, 0],
    ArrowRight: [1, 0],
    ArrowUp: [0, -1],
    ArrowDown: [0, 1],
  };

  // Python's round(): a half goes to the even neighbour.
  function roundHalfEven(value) {
    const floor = Math.floor(value);
    const rest = value - floor;
    if (rest !== 0.5) return Math.round(value);
    return floor % 2 === 0 ? floor : floor + 1;
  }

  // crop_box() of articles/renditions.py: the largest box of `across`:`down` inside
  // width × height, centred on the focal point as far as the picture's edges allow.
  function cropBox(width, height, across, down, focal) {
    const boxWidth = Math.min(width, (height * across) / down);
    const boxHeight = (boxWidth * down) / across;
    const left = Math.min(Math.max(focal.x * width - boxWidth / 2, 0), width - boxWidth);
    const top = Math.min(Math.max(focal.y * height - boxHeight / 2, 0), height - boxHeight);
    return [left, top, left + boxWidth, top + boxHeight].map(roundHalfEven);
  }

  // With `object-fit: cover`, `object-position: p%` puts the point p% along the picture
  // at p% along the frame: the box's offset over the picture's spare length.
  function objectPosition(width, height, [left, top, right, bottom]) {
    const share = (offset, spare) => (spare > 0 ? (offset / spare) * 100 : 50);
    const x = share(left, width - (right - left));
    const y = share(top, height - (bottom - top));
    return `${+x.toFixed(3)}% ${+y.toFixed(3)}%`;
  }

  const clamp = (value) => Math.min(Math.max(value, 0), 1);
  const rounded = (value) => Math.round(clamp(value) * 1000) / 1000;
  const percent = (value) => `${Math.round(value * 100)}%`;

  function readPoint(inputs) {
    const x = parseFloat(inputs.x.value);
    const y = parseFloat(inputs.y.value);
    const inside = (value) => Number.isFinite(value) && value >= 0 && value <= 1;
    return inside(x) && inside(y) ? { x, y } : null;
  }

  function startEditor(editor) {
    const inputs = {
      x: document.getElementById("id_focal_x"),
      y: document.getElementById("id_focal_y"),
    };
    const live = editor.querySelector("[data-focal-live]");
    // No inputs (a view-only page) or no picture: the saved crops are all there is.
    if (!inputs.x || !inputs.y || !live) return;
    const width = Number(editor.dataset.width);
    const height = Number(editor.dataset.height);
    const picture = editor.querySelector("[data-focal-picture]");
    const marker = editor.querySelector("[data-focal-marker]");
    const status = editor.querySelector("[data-focal-status]");
    const frames = [...editor.querySelectorAll("[data-focal-crop]")];
    for (const frame of frames) {
      frame.style.aspectRatio = `${frame.dataset.across} / ${frame.dataset.down}`;
    }
    let point = readPoint(inputs) || { x: 0.5, y: 0.5 };

    function show() {
      marker.style.left = `${point.x * 100}%`;
      marker.style.top = `${point.y * 100}%`;
      status.textContent = `Focal point: ${percent(point.x)} across, ${percent(point.y)} down.`;
      for (const frame of frames) {
        const box = cropBox(width, height, +frame.dataset.across, +frame.dataset.down, point);
        frame.querySelector("img").style.objectPosition = objectPosition(width, height, box);
      }
    }

    function place(x, y) {
      point = { x: rounded(x), y: rounded(y) };
      inputs.x.value = point.x;
      inputs.y.value = point.y;
      show();
    }

    picture.addEventListener("click", (event) => {
      // Enter and Space "click" a button too, with no pointer position: keep the point.
      if (event.detail === 0) return;
      const area = picture.querySelector("img").getBoundingClientRect();
      place((event.clientX - area.left) / area.width, (event.clientY - area.top) / area.height);
    });
    picture.addEventListener("keydown", (event) => {
      const move = MOVES[event.key];
      if (!move || event.altKey || event.ctrlKey || event.metaKey) return;
      event.preventDefault(); // no page scrolling
      const step = event.shiftKey ? BIG_STEP : STEP;
      place(point.x + move[0] * step, point.y + move[1] * step);
    });
    for (const input of [inputs.x, inputs.y]) {
      input.addEventListener("input", () => {
        // Half-typed or out of range: the marker waits for a number it can show.
        const typed = readPoint(inputs);
        if (!typed) return;
        point = typed;
        show();
      });
    }
    show();
    live.hidden = false;
  }

  function start() {
    document.querySelectorAll("[data-focal-editor]").forEach(startEditor);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
}
