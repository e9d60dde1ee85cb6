// A radar of scale polls, drawn as SVG from the server's numbers: the room's
// average on each axis as a filled shape, and along each axis the middle half
// of the answers as a thick line, so a split room does not hide behind its mean.
// Wide enough that the longest labels, left and right of the shape, stay inside the drawing.
import { num } from './texts.js';
import { clear } from './dom.js';

var NS = 'http://www.w3.org/2000/svg';

var W = 1700, H = 720, CX = W / 2, CY = H / 2, R = 250, GAP = 26;

function node(tag, attrs, text) {
  var n = document.createElementNS(NS, tag);
  Object.keys(attrs || {}).forEach(function (k) { n.setAttribute(k, attrs[k]); });
  if (text !== undefined) { n.textContent = text; }
  return n;
}

function point(i, n, radius) {
  var a = -Math.PI / 2 + i * 2 * Math.PI / n;
  return [CX + radius * Math.cos(a), CY + radius * Math.sin(a)];
}

function quantile(counts, min, share) {
  var total = counts.reduce(function (s, c) { return s + c; }, 0), target = share * (total - 1), seen = 0;
  for (var i = 0; i < counts.length; i++) { seen += counts[i]; if (seen > target) { return min + i; } }
  return min + counts.length - 1;
}

function lines(text) {
  if (text.length <= 18) { return [text]; }
  var mid = Math.floor(text.length / 2), cut = -1;
  for (var d = 0; d < mid; d++) {
    if (text.charAt(mid + d) === ' ') { cut = mid + d; break; }
    if (text.charAt(mid - d) === ' ') { cut = mid - d; break; }
  }
  return cut < 0 ? [text] : [text.slice(0, cut), text.slice(cut + 1)];
}

function draw(container, radar) {
  clear(container);
  var axes = radar.axes || [], n = axes.length;
  if (n < 3) { return; }
  var min = radar.min, max = radar.max;
  function r(v) { return R * (v - min) / (max - min); }
  var svg = node('svg', { viewBox: '0 0 ' + W + ' ' + H, 'class': 'radar-svg', role: 'img',
    'aria-label': radar.name + ': ' + axes.map(function (a) {
      return a.label + ' ' + (a.mean === null || a.mean === undefined ? '–' : num(a.mean));
    }).join(', ') });
  for (var v = min + 1; v <= max; v++) {
    var ring = [];
    for (var i = 0; i < n; i++) { ring.push(point(i, n, r(v)).join(',')); }
    svg.appendChild(node('polygon', { points: ring.join(' '), 'class': 'ring' }));
  }
  var shape = [];
  axes.forEach(function (a, i) {
    var end = point(i, n, R);
    svg.appendChild(node('line', { x1: CX, y1: CY, x2: end[0], y2: end[1], 'class': 'axis' }));
    shape.push(point(i, n, a.mean === null || a.mean === undefined ? 0 : r(a.mean)).join(','));
  });
  svg.appendChild(node('polygon', { points: shape.join(' '), 'class': 'mean' }));
  axes.forEach(function (a, i) {
    if (a.voters > 0) {
      var lo = point(i, n, r(quantile(a.counts, min, 0.25))), hi = point(i, n, r(quantile(a.counts, min, 0.75)));
      svg.appendChild(node('line', { x1: lo[0], y1: lo[1], x2: hi[0], y2: hi[1], 'class': 'middle' }));
    }
    var at = point(i, n, R + GAP), dx = at[0] - CX;
    var anchor = Math.abs(dx) < 10 ? 'middle' : dx > 0 ? 'start' : 'end';
    var y = at[1] + (Math.abs(dx) < 10 ? (at[1] < CY ? -8 : 30) : 11);
    // A long name takes two lines, so that it stays inside the drawing beside the shape.
    var words = lines(a.label), label = node('text', { x: at[0], y: y - (words.length - 1) * 18, 'text-anchor': anchor, 'class': 'axis-label' });
    words.forEach(function (w, k) {
      var line = node('tspan', { x: at[0], dy: k === 0 ? 0 : 38 }, w + (k === words.length - 1 ? ' ' : ''));
      label.appendChild(line);
    });
    label.lastChild.appendChild(node('tspan', { 'class': 'axis-mean' },
      a.mean === null || a.mean === undefined ? '–' : num(a.mean)));
    svg.appendChild(label);
  });
  container.appendChild(svg);
}

export { draw };
