// make-map-asset.mjs -- convert Natural Earth 1:110m countries (npm world-atlas) into assets/world-110m.cpmap.
//
// Run once, by hand, when the map data should change; the output is committed and
// the game never runs this script. From the repository root:
//
//   cd scripts && npm install --no-save world-atlas@2 topojson-client@3 \
//     && node make-map-asset.mjs ../assets/world-110m.cpmap
//
// (scripts/node_modules/ is ignored by git; no package.json or lock file is kept.)
// An optional second argument names another world-atlas TopoJSON file to read
// instead of countries-110m.json.
//
// What it does, in order: TopoJSON -> GeoJSON with topojson-client; every feature
// gets an ISO 3166-1 alpha-3 code from the table below; every ring is cut at the
// antimeridian (topojson stitches Natural Earth's cut pieces back together, which
// would make filled triangles streak across the map) and a ring around a pole is
// closed along that pole; rings are oriented (outer counter-clockwise, holes
// clockwise, longitude east and latitude north), quantised to int16 hundredths of
// a degree and written little-endian. The byte layout is in docs/map-asset.md.
//
// Made with Natural Earth. Free vector and raster map data @ naturalearthdata.com

import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import * as topojson from 'topojson-client';

const MAGIC = 'CPMAP1';
const FORMAT_VERSION = 1;
const UNITS_PER_DEGREE = 100;
const FLAG_ANTARCTIC = 1;
const FLAG_CODE_INVENTED = 2;

// ISO 3166-1 numeric -> alpha-3, for every id in countries-110m.json.
const ISO3_BY_NUMERIC = {
  '004': 'AFG', '008': 'ALB', '010': 'ATA', '012': 'DZA', '024': 'AGO', '031': 'AZE',
  '032': 'ARG', '036': 'AUS', '040': 'AUT', '044': 'BHS', '050': 'BGD', '051': 'ARM',
  '056': 'BEL', '064': 'BTN', '068': 'BOL', '070': 'BIH', '072': 'BWA', '076': 'BRA',
  '084': 'BLZ', '090': 'SLB', '096': 'BRN', '100': 'BGR', '104': 'MMR', '108': 'BDI',
  '112': 'BLR', '116': 'KHM', '120': 'CMR', '124': 'CAN', '140': 'CAF', '144': 'LKA',
  '148': 'TCD', '152': 'CHL', '156': 'CHN', '158': 'TWN', '170': 'COL', '178': 'COG',
  '180': 'COD', '188': 'CRI', '191': 'HRV', '192': 'CUB', '196': 'CYP', '203': 'CZE',
  '204': 'BEN', '208': 'DNK', '214': 'DOM', '218': 'ECU', '222': 'SLV', '226': 'GNQ',
  '231': 'ETH', '232': 'ERI', '233': 'EST', '238': 'FLK', '242': 'FJI', '246': 'FIN',
  '250': 'FRA', '260': 'ATF', '262': 'DJI', '266': 'GAB', '268': 'GEO', '270': 'GMB',
  '275': 'PSE', '276': 'DEU', '288': 'GHA', '300': 'GRC', '304': 'GRL', '320': 'GTM',
  '324': 'GIN', '328': 'GUY', '332': 'HTI', '340': 'HND', '348': 'HUN', '352': 'ISL',
  '356': 'IND', '360': 'IDN', '364': 'IRN', '368': 'IRQ', '372': 'IRL', '376': 'ISR',
  '380': 'ITA', '384': 'CIV', '388': 'JAM', '392': 'JPN', '398': 'KAZ', '400': 'JOR',
  '404': 'KEN', '408': 'PRK', '410': 'KOR', '414': 'KWT', '417': 'KGZ', '418': 'LAO',
  '422': 'LBN', '426': 'LSO', '428': 'LVA', '430': 'LBR', '434': 'LBY', '440': 'LTU',
  '442': 'LUX', '450': 'MDG', '454': 'MWI', '458': 'MYS', '466': 'MLI', '478': 'MRT',
  '484': 'MEX', '496': 'MNG', '498': 'MDA', '499': 'MNE', '504': 'MAR', '508': 'MOZ',
  '512': 'OMN', '516': 'NAM', '524': 'NPL', '528': 'NLD', '540': 'NCL', '548': 'VUT',
  '554': 'NZL', '558': 'NIC', '562': 'NER', '566': 'NGA', '578': 'NOR', '586': 'PAK',
  '591': 'PAN', '598': 'PNG', '600': 'PRY', '604': 'PER', '608': 'PHL', '616': 'POL',
  '620': 'PRT', '624': 'GNB', '626': 'TLS', '630': 'PRI', '634': 'QAT', '642': 'ROU',
  '643': 'RUS', '646': 'RWA', '682': 'SAU', '686': 'SEN', '688': 'SRB', '694': 'SLE',
  '703': 'SVK', '704': 'VNM', '705': 'SVN', '706': 'SOM', '710': 'ZAF', '716': 'ZWE',
  '724': 'ESP', '728': 'SSD', '729': 'SDN', '732': 'ESH', '740': 'SUR', '748': 'SWZ',
  '752': 'SWE', '756': 'CHE', '760': 'SYR', '762': 'TJK', '764': 'THA', '768': 'TGO',
  '780': 'TTO', '784': 'ARE', '788': 'TUN', '792': 'TUR', '795': 'TKM', '800': 'UGA',
  '804': 'UKR', '807': 'MKD', '818': 'EGY', '826': 'GBR', '834': 'TZA', '840': 'USA',
  '854': 'BFA', '858': 'URY', '860': 'UZB', '862': 'VEN', '887': 'YEM', '894': 'ZMB',
};

// Features without an id in Natural Earth (no ISO code exists). The codes are
// in the user-assigned X.. range so they can never clash with a real one.
const ISO3_BY_NAME = { 'Kosovo': 'XKX', 'N. Cyprus': 'XNC', 'Somaliland': 'XSL' };

// Pick the alpha-3 code and flags of one GeoJSON feature, or throw naming it.
function codeOf(feature) {
  const name = feature.properties.name;
  if (feature.id !== undefined) {
    const iso3 = ISO3_BY_NUMERIC[feature.id];
    if (!iso3) throw new Error(`no alpha-3 code for ISO numeric id ${feature.id} (${name})`);
    return { iso3, flags: iso3 === 'ATA' ? FLAG_ANTARCTIC : 0 };
  }
  const iso3 = ISO3_BY_NAME[name];
  if (!iso3) throw new Error(`feature "${name}" has no id and no invented code`);
  return { iso3, flags: FLAG_CODE_INVENTED };
}

// Twice the signed area of a ring of [x, y] points (positive = counter-clockwise).
function signedArea2(ring) {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    sum += ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
  }
  return sum;
}

// Drop the closing point GeoJSON repeats, and any point equal to the one before.
function openRing(ring) {
  const out = [];
  for (const p of ring) {
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push([p[0], p[1]]);
  }
  while (out.length > 1 && out[0][0] === out[out.length - 1][0] &&
         out[0][1] === out[out.length - 1][1]) out.pop();
  return out;
}

// Make longitudes continuous: whenever an edge jumps by more than 180 degrees
// it is really crossing the antimeridian, so shift the rest of the ring by 360.
// Returns the unwrapped points and the total shift accumulated around the
// closed ring (0 for an ordinary ring, +-360 for a ring around a pole).
function unwrap(ring) {
  const out = [];
  let shift = 0;
  for (let i = 0; i < ring.length; i++) {
    if (i > 0) {
      const step = ring[i][0] - ring[i - 1][0];
      if (step > 180) shift -= 360;
      else if (step < -180) shift += 360;
    }
    out.push([ring[i][0] + shift, ring[i][1]]);
  }
  const closing = ring[0][0] - ring[ring.length - 1][0];
  const total = shift + (closing > 180 ? -360 : closing < -180 ? 360 : 0);
  return { points: out, winding: total };
}

// A ring that goes once around a pole (Antarctica) cannot be a closed shape in
// the lon/lat plane as it stands. Rotate it so the antimeridian jump is the
// closing edge, unwrap it, then close it along the pole's own line: down to
// the pole at the last longitude, across, and up again at the first.
function closeAroundPole(ring) {
  let start = 0;
  for (let i = 1; i < ring.length; i++) {
    if (Math.abs(ring[i][0] - ring[i - 1][0]) > 180) { start = i; break; }
  }
  const rotated = ring.slice(start).concat(ring.slice(0, start));
  const { points } = unwrap(rotated);
  const meanLat = points.reduce((s, p) => s + p[1], 0) / points.length;
  const poleLat = meanLat < 0 ? -90 : 90;
  const first = points[0], last = points[points.length - 1];
  return points.concat([[last[0], poleLat], [first[0], poleLat]]);
}

// Split a simple planar ring by the vertical line x = 'lineX'. Each crossing
// of the line becomes a node; sorted by y, crossings pair up (1-2, 3-4, ...)
// to bound the parts of the line inside the ring. Walking the ring and jumping
// across each pair at every crossing traces the pieces, each wholly on one side.
function splitByLine(ring, lineX) {
  const side = (p) => (p[0] > lineX ? 1 : 0);
  const nodes = [];
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i], b = ring[(i + 1) % ring.length];
    nodes.push({ p: a, cross: false });
    if (side(a) !== side(b)) {
      const t = (lineX - a[0]) / (b[0] - a[0]);
      nodes.push({ p: [lineX, a[1] + t * (b[1] - a[1])], cross: true });
    }
  }
  const crossings = nodes.map((n, i) => i).filter((i) => nodes[i].cross);
  if (crossings.length === 0) return [ring];
  if (crossings.length % 2 !== 0) throw new Error('odd number of crossings: ring is not closed');
  crossings.sort((i, j) => nodes[i].p[1] - nodes[j].p[1]);
  for (let k = 0; k < crossings.length; k += 2) {
    nodes[crossings[k]].partner = crossings[k + 1];
    nodes[crossings[k + 1]].partner = crossings[k];
  }
  const visited = new Array(nodes.length).fill(false);
  const pieces = [];
  for (let s = 0; s < nodes.length; s++) {
    if (visited[s] || nodes[s].cross) continue;
    const piece = [];
    let j = s;
    for (let guard = 0; guard <= 2 * nodes.length; guard++) {
      visited[j] = true;
      piece.push(nodes[j].p);
      if (nodes[j].cross) {
        j = nodes[j].partner;
        visited[j] = true;
        piece.push(nodes[j].p);
      }
      j = (j + 1) % nodes.length;
      if (j === s) break;
    }
    if (j !== s) throw new Error('antimeridian split did not close');
    pieces.push(piece);
  }
  return pieces;
}

// Cut one GeoJSON ring at the antimeridian and return the pieces, each with
// longitudes inside [-180, 180].
function cutRing(ring) {
  const { points, winding } = unwrap(ring);
  let pieces = [winding === 0 ? points : closeAroundPole(ring)];
  const minX = Math.min(...pieces[0].map((p) => p[0]));
  const maxX = Math.max(...pieces[0].map((p) => p[0]));
  for (let k = Math.ceil((minX - 180) / 360); 180 + 360 * k < maxX; k++) {
    const lineX = 180 + 360 * k;
    if (lineX <= minX) continue;
    pieces = pieces.flatMap((piece) => splitByLine(piece, lineX));
  }
  return pieces.map((piece) => {
    const midX = piece.reduce((s, p) => s + p[0], 0) / piece.length;
    const shift = -360 * Math.round(midX / 360);
    return piece.map((p) => [Math.max(-180, Math.min(180, p[0] + shift)), p[1]]);
  });
}

// Even-odd point in ring test, in the lon/lat plane.
function ringContains(ring, x, y) {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i], [xj, yj] = ring[j];
    if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

// Do segments a-b and c-d cross at a single point inside both?
function segmentsCross(a, b, c, d) {
  const orient = (p, q, r) => (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]);
  return orient(a, b, c) * orient(a, b, d) < 0 && orient(c, d, a) * orient(c, d, b) < 0;
}

// A ring that crosses itself (Natural Earth's Sudan does, at the tripoint
// with South Sudan and the Central African Republic) has no clean fill. At
// each crossing the ring splits into two loops; keep the larger and drop the
// other, which at 1:110m is always a sliver. Stop the build if a dropped
// loop is not small, since then the data needs a look by a person.
function removeSelfCrossings(ring, name) {
  for (let guard = 0; guard < 100; guard++) {
    const n = ring.length;
    let found = null;
    for (let i = 0; i < n && !found; i++) {
      for (let j = i + 2; j < n && !found; j++) {
        if (i === 0 && j === n - 1) continue;
        if (segmentsCross(ring[i], ring[i + 1], ring[j], ring[(j + 1) % n])) found = [i, j];
      }
    }
    if (!found) return ring;
    const [i, j] = found;
    const a = ring[i], b = ring[i + 1], c = ring[j], d = ring[(j + 1) % n];
    const den = (b[0] - a[0]) * (d[1] - c[1]) - (b[1] - a[1]) * (d[0] - c[0]);
    const t = ((c[0] - a[0]) * (d[1] - c[1]) - (c[1] - a[1]) * (d[0] - c[0])) / den;
    const x = [Math.round(a[0] + t * (b[0] - a[0])), Math.round(a[1] + t * (b[1] - a[1]))];
    const inner = openRing([x, ...ring.slice(i + 1, j + 1)]);
    const outer = openRing([...ring.slice(j + 1), ...ring.slice(0, i + 1), x]);
    const [keep, drop] = Math.abs(signedArea2(inner)) > Math.abs(signedArea2(outer))
      ? [inner, outer] : [outer, inner];
    const share = Math.abs(signedArea2(drop)) / Math.abs(signedArea2(keep));
    if (share > 0.01) throw new Error(`${name}: a self-crossing ring splits into loops of similar size`);
    const squareDegrees = Math.abs(signedArea2(drop)) / 2 / UNITS_PER_DEGREE ** 2;
    console.log(`${name}: ring crossed itself; dropped a loop of ${squareDegrees} square degrees`);
    ring = keep;
  }
  throw new Error(`${name}: too many self-crossings`);
}

// Quantise a ring to int16 hundredths of a degree, drop repeated points,
// repair self-crossings and orient it; returns null when nothing with an
// area is left.
function quantise(ring, wantCounterClockwise, name) {
  const q = removeSelfCrossings(openRing(ring.map((p) => [Math.round(p[0] * UNITS_PER_DEGREE),
                                                          Math.round(p[1] * UNITS_PER_DEGREE)])), name);
  if (q.length < 3 || signedArea2(q) === 0) return null;
  if ((signedArea2(q) > 0) !== wantCounterClockwise) q.reverse();
  return q;
}

// Turn one GeoJSON polygon (outer ring + holes) into a list of asset polygons,
// each a list of quantised rings with the outer ring first.
function convertPolygon(rings, name) {
  const outers = cutRing(openRing(rings[0])).map((r) => ({ outer: r, holes: [] }));
  for (const hole of rings.slice(1)) {
    const cut = cutRing(openRing(hole));
    if (cut.length !== 1) throw new Error(`${name}: a hole crosses the antimeridian`);
    const home = outers.find((o) => ringContains(o.outer, cut[0][0][0], cut[0][0][1])) || outers[0];
    home.holes.push(cut[0]);
  }
  const polygons = [];
  for (const { outer, holes } of outers) {
    const q = quantise(outer, true, name);
    if (!q) continue;
    polygons.push([q, ...holes.map((h) => quantise(h, false, name)).filter(Boolean)]);
  }
  return polygons;
}

// 32-bit FNV-1a over a byte range: the asset's trailing checksum.
function fnv1a32(bytes) {
  let h = 0x811c9dc5;
  for (const b of bytes) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return h;
}

// Serialise the countries into the CPMAP1 layout of docs/map-asset.md.
function encode(countries) {
  const parts = [];
  const u8 = (v) => parts.push(Buffer.from([v]));
  const u16 = (v) => { const b = Buffer.alloc(2); b.writeUInt16LE(v); parts.push(b); };
  const check16 = (n, what) => { if (n > 0xffff) throw new Error(`too many ${what}: ${n}`); return n; };
  for (const c of countries) {
    parts.push(Buffer.from(c.iso3, 'ascii'));
    u8(c.flags);
    const name = Buffer.from(c.name, 'utf8');
    if (name.length < 1 || name.length > 255) throw new Error(`bad name length: ${c.name}`);
    u8(name.length);
    parts.push(name);
    u16(check16(c.polygons.length, `polygons in ${c.iso3}`));
    for (const polygon of c.polygons) {
      u16(check16(polygon.length, `rings in ${c.iso3}`));
      for (const ring of polygon) {
        u16(check16(ring.length, `points in a ring of ${c.iso3}`));
        const b = Buffer.alloc(4 * ring.length);
        ring.forEach(([x, y], i) => { b.writeInt16LE(x, 4 * i); b.writeInt16LE(y, 4 * i + 2); });
        parts.push(b);
      }
    }
  }
  const body = Buffer.concat(parts);
  const header = Buffer.alloc(16);
  header.write(MAGIC, 0, 'ascii');
  header.writeUInt16LE(FORMAT_VERSION, 6);
  header.writeUInt16LE(UNITS_PER_DEGREE, 8);
  header.writeUInt16LE(countries.length, 10);
  header.writeUInt32LE(header.length + body.length + 4, 12);
  const withoutSum = Buffer.concat([header, body]);
  const sum = Buffer.alloc(4);
  sum.writeUInt32LE(fnv1a32(withoutSum));
  return Buffer.concat([withoutSum, sum]);
}

// Read the TopoJSON, convert every feature and write the asset.
function main() {
  const [outPath, sourcePath] = process.argv.slice(2);
  if (!outPath) {
    console.error('usage: node make-map-asset.mjs OUTPUT.cpmap [countries-110m.json]');
    process.exit(2);
  }
  const require = createRequire(import.meta.url);
  const topology = sourcePath ? JSON.parse(readFileSync(sourcePath, 'utf8'))
                              : require('world-atlas/countries-110m.json');
  const features = topojson.feature(topology, topology.objects.countries).features;
  const countries = features.map((f) => {
    const { iso3, flags } = codeOf(f);
    const g = f.geometry;
    const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    return { iso3, flags, name: f.properties.name,
             polygons: polys.flatMap((rings) => convertPolygon(rings, f.properties.name)) };
  });
  countries.sort((a, b) => (a.iso3 < b.iso3 ? -1 : a.iso3 > b.iso3 ? 1 : 0));
  for (let i = 1; i < countries.length; i++) {
    if (countries[i].iso3 === countries[i - 1].iso3) throw new Error(`duplicate code ${countries[i].iso3}`);
  }
  const bytes = encode(countries);
  writeFileSync(outPath, bytes);
  const rings = countries.reduce((n, c) => n + c.polygons.reduce((m, p) => m + p.length, 0), 0);
  const points = countries.reduce((n, c) => n + c.polygons.flat().reduce((m, r) => m + r.length, 0), 0);
  console.log(`${outPath}: ${countries.length} countries, ${rings} rings, ${points} points, ${bytes.length} bytes`);
}

main();
