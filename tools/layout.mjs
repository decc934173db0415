#!/usr/bin/env node
// Add a diagram (BPMN DI) to BPMN files that have none, using bpmn-auto-layout plus fix-ups.
// Usage: node tools/layout.mjs [--force] <file.bpmn>...
//
// Only the <bpmndi:BPMNDiagram> part of each file is (re)written: the process XML is kept
// byte for byte (camunda:* attributes and extension elements, namespaces, modeler:* attributes).
//
// Fix-ups after bpmn-auto-layout 1.3.0 (details in README.md): boundary events on one host spread apart;
// loops (flows back to the left) re-routed in their own lanes between rows, which are pushed apart for them;
// explicit label positions; a check that every flow node has a shape and every sequence flow an edge.
import { readFileSync, writeFileSync } from 'node:fs';
import { layoutProcess } from 'bpmn-auto-layout';
import { BpmnModdle } from 'bpmn-moddle';

const NS = {
  bpmndi: 'http://www.omg.org/spec/BPMN/20100524/DI',
  dc: 'http://www.omg.org/spec/DD/20100524/DC',
  di: 'http://www.omg.org/spec/DD/20100524/DI'
};
const LANE = 15; // distance between parallel loop lanes
const BELOW_ROW = 50; // room under a row for boundary events and labels
const CHAR_W = 6; // width of one character of an 11px Arial label, rounded up (about 5.5)
const LINE_H = 14;

const args = process.argv.slice(2);
const force = args.includes('--force');
const files = args.filter(a => a !== '--force');
if (!files.length || files.some(f => f.startsWith('-'))) {
  console.error('usage: layout.mjs [--force] <file.bpmn>...');
  process.exit(2);
}

let failed = false;
for (const file of files) {
  try {
    console.log(`layout: ${file}: ${await layoutFile(file)}`);
  } catch (err) {
    failed = true;
    console.error(`layout: ${file}: ${err.message}`);
  }
}
process.exit(failed ? 1 : 0);

async function layoutFile(file) {
  const original = readFileSync(file, 'utf8');
  const diagramRe = /[ \t]*<(\w+:)?BPMNDiagram[\s>][\s\S]*<\/\1?BPMNDiagram>[ \t]*\r?\n?/;
  const hadDiagram = diagramRe.test(original);
  if (hadDiagram && !force) return 'has a diagram already, skipped (use --force to redo it)';
  const withoutDi = original.replace(diagramRe, '');
  if (/<(\w+:)?(collaboration|subProcess)[\s>/]/.test(withoutDi)) {
    throw new Error('collaborations and sub-processes are not supported, lay them out in Camunda Modeler');
  }
  if ((withoutDi.match(/<(\w+:)?process[\s>/]/g) || []).length !== 1) throw new Error('expected exactly one process');

  const moddle = new BpmnModdle();
  const { rootElement: definitions } = await moddle.fromXML(await layoutProcess(withoutDi));
  fixUp(definitions.diagrams[0].plane, definitions);

  // Splice the new diagram into the untouched original text.
  const { xml } = await moddle.toXML(definitions, { format: true });
  const diagram = xml.match(/  <bpmndi:BPMNDiagram[\s\S]*<\/bpmndi:BPMNDiagram>\n/)[0];
  const eol = original.includes('\r\n') ? '\r\n' : '\n';
  let out = withoutDi.replace(/\s*<\/(\w+:)?definitions>/, m => (eol + diagram + m.trim()).replace(/\r?\n/g, eol));
  out = out.replace(/<(\w+:)?definitions\b[^>]*>/, tag => {
    for (const [prefix, uri] of Object.entries(NS)) {
      const declared = tag.match(new RegExp(`xmlns:${prefix}="([^"]*)"`));
      if (declared && declared[1] !== uri) throw new Error(`prefix ${prefix} is bound to ${declared[1]}`);
      if (!declared) tag = tag.replace(/(\s*\/?>)$/, ` xmlns:${prefix}="${uri}"$1`);
    }
    return tag;
  });
  writeFileSync(file, out);
  return hadDiagram ? 'laid out again' : 'laid out';
}

function fixUp(plane, definitions) {
  const shapes = new Map(); // flow node -> dc:Bounds
  const edges = new Map(); // sequence flow -> BPMNEdge
  for (const el of plane.get('planeElement')) {
    if (el.$type === 'bpmndi:BPMNShape') shapes.set(el.bpmnElement, el.bounds);
    if (el.$type === 'bpmndi:BPMNEdge') edges.set(el.bpmnElement, el);
  }
  const proc = plane.bpmnElement;
  if (!proc?.$instanceOf('bpmn:Process')) throw new Error('expected a process diagram');
  const nodes = proc.get('flowElements').filter(e => !e.$instanceOf('bpmn:SequenceFlow') && e.$instanceOf('bpmn:FlowNode'));
  const flows = proc.get('flowElements').filter(e => e.$instanceOf('bpmn:SequenceFlow'));
  const missing = [
    ...nodes.filter(n => !shapes.has(n)).map(n => `shape for ${n.id}`),
    ...flows.filter(f => !edges.get(f)?.waypoint?.length).map(f => `edge for ${f.id}`)
  ];
  if (missing.length) throw new Error(`bpmn-auto-layout left out: ${missing.join(', ')}`);

  const b = n => shapes.get(n);
  const midX = n => b(n).x + b(n).width / 2;
  const midY = n => b(n).y + b(n).height / 2;
  const isBoundary = n => n.$type === 'bpmn:BoundaryEvent';
  const attachers = host => nodes.filter(n => isBoundary(n) && n.attachedToRef === host);

  // Boundary events: bpmn-auto-layout spreads them over the host's bottom edge and lets them
  // overlap when there are several; keep them 40px apart and move their flows' first points along.
  for (const host of new Set(nodes.filter(isBoundary).map(n => n.attachedToRef))) {
    const list = attachers(host).sort((p, q) => b(p).x - b(q).x);
    list.forEach((n, i) => {
      const dx = midX(host) + (i - (list.length - 1) / 2) * 40 - midX(n);
      b(n).x += dx;
      for (const f of n.get('outgoing')) {
        const [p, q] = edges.get(f).waypoint;
        if (q && q.x === p.x) q.x += dx;
        p.x += dx;
      }
    });
  }

  // Rows of the layout grid, by the centre line of their (non-boundary) shapes.
  const rowMids = [...new Set(nodes.filter(n => !isBoundary(n)).map(midY))].sort((p, q) => p - q);
  const rowIndex = new Map(nodes.map(n => [n, rowMids.indexOf(midY(isBoundary(n) ? n.attachedToRef : n))]));
  const rowOf = n => rowIndex.get(n);

  // Back flows (to the left) run in horizontal lanes in the gaps between rows; gap g lies above row g.
  // From a boundary event: down into the gap under the host's row, into the target from below.
  // Otherwise: up into the gap over the source's row, into the target from above.
  // Between rows they climb in the channel between the target's column and the next (grid cells are 150 wide).
  const back = flows.filter(f => midX(f.targetRef) < midX(f.sourceRef)).map(f => {
    const { sourceRef: src, targetRef: tgt } = f;
    const under = isBoundary(src);
    const gap = n => under ? rowOf(n) + 1 : rowOf(n);
    const [sx, tx, cx] = [midX(src), midX(tgt), midX(tgt) + 75];
    const segs = gap(src) === gap(tgt)
      ? [{ gap: gap(src), from: tx, to: sx }]
      : [{ gap: gap(src), from: cx, to: sx }, { gap: gap(tgt), from: tx, to: cx }];
    segs.forEach(s => { s.under = under; });
    return { flow: f, under, segs };
  });
  // Lanes: nested loops get outer lanes, overlapping ones get different lanes.
  const segments = back.flatMap(f => f.segs).sort((p, q) => (p.to - p.from) - (q.to - q.from));
  for (const s of segments) {
    s.lane = 0;
    while (segments.some(t => t !== s && t.lane === s.lane && t.under === s.under && t.gap === s.gap &&
      t.from < s.to && s.from < t.to)) s.lane++;
  }

  // Gateway labels go top-left of the diamond; too wide for the room left of it, they go over the row.
  const gatewayRoom = new Map(nodes.filter(n => n.$instanceOf('bpmn:Gateway') && n.name).map(n => {
    const before = nodes.filter(m => !isBoundary(m) && rowOf(m) === rowOf(n) && b(m).x + b(m).width <= b(n).x);
    return [n, Math.min(120, b(n).x + 10 - Math.max(0, ...before.map(m => b(m).x + b(m).width)) - 6)];
  }));
  const raised = new Set([...gatewayRoom].filter(([n, room]) => {
    const box = textBox(n.name, room);
    return box.width > room || box.height > 2 * LINE_H;
  }).map(([n]) => n));

  // Make room in the gaps between rows. Bottom-up, so that earlier shifts do not move later gaps.
  for (let gap = rowMids.length - 1; gap > 0; gap--) {
    const lanes = under => Math.max(0, ...segments.filter(s => s.gap === gap && s.under === under).map(s => s.lane + 1));
    const [over, under] = [lanes(false), lanes(true)];
    const labelsOver = [...raised].some(n => rowOf(n) === gap);
    if (!over && !under && !labelsOver) continue;
    const row = r => nodes.filter(n => !isBoundary(n) && rowOf(n) === r);
    const upperBottom = Math.max(...row(gap - 1).map(n => b(n).y + b(n).height));
    const lowerTop = Math.min(...row(gap).map(n => b(n).y));
    const needed = BELOW_ROW + (under ? under * LANE + 10 : 0) + (over ? over * LANE + 20 : labelsOver ? 20 : 0);
    if (lowerTop - upperBottom < needed) shiftDown(lowerTop, needed - (lowerTop - upperBottom));
  }

  function shiftDown(y, dy) {
    for (const bounds of shapes.values()) if (bounds.y >= y) bounds.y += dy;
    for (const edge of edges.values()) for (const p of edge.waypoint) if (p.y >= y) p.y += dy;
  }

  // Lane heights, from the rows' final positions (tasks are 80 high).
  const rowMid = r => midY(nodes.find(n => !isBoundary(n) && rowOf(n) === r));
  const laneY = s => s.under
    ? rowMid(s.gap - 1) + 40 + BELOW_ROW + s.lane * LANE
    : rowMid(s.gap) - 40 - 20 - s.lane * LANE;

  // Where flows dock on a shape side: spread over tasks, outer lanes outside; one point on events and gateways.
  const ports = new Map();
  const port = (node, side, seg) => {
    const key = `${node.id}:${side}`;
    ports.set(key, [...(ports.get(key) || []), seg]);
  };
  for (const f of back) {
    const [first, last] = [f.segs[0], f.segs[f.segs.length - 1]];
    if (!f.under) port(f.flow.sourceRef, 'top-out', first);
    port(f.flow.targetRef, f.under ? 'bottom' : 'top', last);
  }
  const dockX = (node, side, seg) => {
    const list = ports.get(`${node.id}:${side}`).sort((p, q) => q.lane - p.lane);
    const i = list.indexOf(seg), n = list.length, { x, width } = b(node);
    if (!node.$instanceOf('bpmn:Activity')) return midX(node);
    if (side === 'top-out') return x + width * (n - i) / (n + 1);
    if (side === 'top') return x + width * (i + 1) / (n + 1);
    const free = Math.min(x + width, ...attachers(node).map(a => b(a).x)) - x; // left of boundary events
    return x + free * (i + 1) / (n + 1);
  };

  for (const f of back) {
    const { sourceRef: src, targetRef: tgt } = f.flow;
    const [first, last] = [f.segs[0], f.segs[f.segs.length - 1]];
    const sx = f.under ? midX(src) : dockX(src, 'top-out', first);
    const tx = dockX(tgt, f.under ? 'bottom' : 'top', last);
    const points = [[sx, f.under ? b(src).y + b(src).height : b(src).y], [sx, laneY(first)]];
    if (first !== last) points.push([first.from, laneY(first)], [first.from, laneY(last)]);
    points.push([tx, laneY(last)], [tx, f.under ? b(tgt).y + b(tgt).height : b(tgt).y]);
    f.labelAt = { x: sx, y: laneY(first) };
    edges.get(f.flow).waypoint = points.map(([x, y]) =>
      definitions.$model.create('dc:Point', { x: Math.round(x), y: Math.round(y) }));
  }

  // Labels.
  const label = (di, text, place, maxWidth) => {
    const box = textBox(text, maxWidth);
    const at = place(box);
    di.label = definitions.$model.create('bpmndi:BPMNLabel', {
      bounds: definitions.$model.create('dc:Bounds', { x: Math.round(at.x), y: Math.round(at.y), ...box })
    });
  };
  const shapeDi = new Map(plane.get('planeElement').filter(e => e.$type === 'bpmndi:BPMNShape').map(e => [e.bpmnElement, e]));
  for (const n of nodes.filter(n => n.name)) {
    const { x, y, width, height } = b(n);
    if (raised.has(n)) {
      const topUsed = back.some(f => !f.under && (f.flow.sourceRef === n || f.flow.targetRef === n));
      label(shapeDi.get(n), n.name, box => ({ x: topUsed ? x + width / 2 - 4 - box.width : x + (width - box.width) / 2,
        y: y - 18 - box.height }), 200);
    } else if (n.$instanceOf('bpmn:Gateway')) {
      label(shapeDi.get(n), n.name, box => ({ x: x + 10 - box.width, y: y + 12 - box.height }), gatewayRoom.get(n));
    } else if (isBoundary(n)) {
      const host = b(n.attachedToRef);
      const onLeft = x + width / 2 < host.x + host.width / 2 - 1;
      label(shapeDi.get(n), n.name, box => ({ x: onLeft ? x - box.width - 2 : x + width + 2, y: y + height - 10 }));
    } else if (n.$instanceOf('bpmn:Event')) {
      label(shapeDi.get(n), n.name, box => ({ x: x + width / 2 - box.width / 2, y: y + height + 5 }));
    }
  }
  for (const f of flows.filter(f => f.name)) {
    const [p, q] = edges.get(f).waypoint;
    const loop = back.find(l => l.flow === f);
    label(edges.get(f), f.name, box => {
      if (loop) return { x: loop.labelAt.x - 5 - box.width, y: loop.labelAt.y - box.height }; // on its lane
      if (p.y === q.y) return { x: q.x > p.x ? p.x + 6 : p.x - 6 - box.width, y: p.y - box.height - 2 };
      return { x: p.x + 5, y: q.y > p.y ? p.y + 5 : p.y - box.height - 3 };
    }, loop ? 240 : p.y === q.y ? Math.min(120, Math.max(50, Math.abs(q.x - p.x) - 12)) : 120);
  }

  // Lanes and labels over the first row may stick out at the top: move everything down to y >= 20.
  const minY = Math.min(...[...shapes.values()].map(s => s.y),
    ...[...edges.values()].flatMap(e => [...e.waypoint.map(p => p.y), e.label?.bounds.y ?? Infinity]),
    ...[...shapeDi.values()].map(s => s.label?.bounds.y ?? Infinity));
  if (minY < 20) {
    const dy = Math.ceil(20 - minY);
    for (const s of shapeDi.values()) { s.bounds.y += dy; if (s.label) s.label.bounds.y += dy; }
    for (const e of edges.values()) { e.waypoint.forEach(p => { p.y += dy; }); if (e.label) e.label.bounds.y += dy; }
  }
}

// Estimated size of a label wrapped at maxWidth (bpmn-js wraps it again with real font metrics, inside this box).
function textBox(text, maxWidth = 120) {
  const lines = [];
  let line = '';
  for (const word of text.trim().split(/\s+/)) {
    const longer = line ? `${line} ${word}` : word;
    if (line && longer.length * CHAR_W > maxWidth) {
      lines.push(line);
      line = word;
    } else {
      line = longer;
    }
  }
  lines.push(line);
  return { width: Math.ceil(Math.max(...lines.map(l => l.length)) * CHAR_W) + 10, height: lines.length * LINE_H };
}
