// vader-bench.js: times vader-sentiment's polarity_scores over a bench dump.
// usage: node tools/vader-bench.js PREFIX DUMP.jsonl [RUNS]
// PREFIX is where `npm install --prefix PREFIX vader-sentiment` put it; DUMP
// is `bench --dump` output ({"reply": ...} a line).  Prints the median of
// RUNS runs (default 3) and a "result:" line for tools/bench.sh.
'use strict';

const fs = require('fs');
const path = require('path');

const [prefix, dumpPath, runsArg] = process.argv.slice(2);
if (!prefix || !dumpPath) {
	console.error('usage: node vader-bench.js PREFIX DUMP.jsonl [RUNS]');
	process.exit(2);
}
const runs = Math.max(1, parseInt(runsArg || '3', 10));

const t0 = process.hrtime.bigint();
const vader = require(path.join(prefix, 'node_modules', 'vader-sentiment'));
const loadMs = Number(process.hrtime.bigint() - t0) / 1e6;

const replies = fs.readFileSync(dumpPath, 'utf8').split('\n')
	.filter((l) => l.length > 0).map((l) => JSON.parse(l).reply);
const bytes = replies.reduce((n, r) => n + Buffer.byteLength(r, 'utf8'), 0);

const times = [];
let sum = 0;
for (let i = 0; i < runs; i++) {
	const s = process.hrtime.bigint();
	sum = 0;
	for (const r of replies)
		sum += vader.SentimentIntensityAnalyzer.polarity_scores(r).compound;
	times.push(Number(process.hrtime.bigint() - s) / 1e6);
}
times.sort((a, b) => a - b);
const ms = times[Math.floor(times.length / 2)];
const rps = replies.length / (ms / 1e3);
const mbps = bytes / 1e6 / (ms / 1e3);
console.log(`vader: ${replies.length} replies in ${ms.toFixed(1)} ms ` +
	`(median of ${runs} runs): ${rps.toFixed(0)} replies/s, ` +
	`${mbps.toFixed(2)} MB/s; module load ${loadMs.toFixed(1)} ms; ` +
	`mean compound ${(sum / replies.length).toFixed(3)}`);
console.log(`result: replies_per_sec=${rps.toFixed(0)} ` +
	`mb_per_sec=${mbps.toFixed(3)} total=${replies.length} ` +
	`load_ms=${loadMs.toFixed(3)}`);
