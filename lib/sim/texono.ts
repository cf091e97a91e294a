import { loadExperiment } from "../reactor/experiments.js";
import { mergeConfig, validateSimConfig, type DeepPartial, type SimConfig } from "./config.js";
import { gemmaConfig, hoursOf, splitHours } from "./gemma.js";
import * as L from "./lines.js";

/**
 * The simulated TEXONO HPGe at Kuo-Sheng (Wong et al., PRD 75 (2007) 012001; seed talk 000):
 * 1.06 kg, 570.7 days ON and 127.8 days OFF, ~1 count/(keV kg day) after its selection, DAQ threshold
 * 5 keV, analysis threshold 12 keV (from `data/experiments/texono.json`). The detector model is
 * GEMMA's (three shaping channels, NaI/CsI anti-Compton, veto) with TEXONO's numbers; no noble-gas
 * problem is reported for KSNL, so there are no noble-gas events. `overrides` replace any field.
 *
 * @example
 * texonoConfig().detectorMassKg; // => 1.06 (kg, TEXONO PRD 75 (2007) 012001)
 */
export function texonoConfig(overrides?: DeepPartial<SimConfig>): SimConfig {
  const e = loadExperiment("texono");
  const g = gemmaConfig();
  const [p] = e.exposure!.periods!;
  const on = hoursOf(p.on);
  const off = hoursOf(p.off);
  const onParts = splitHours(on, [0.33, 0.33, 0.34]);
  const offParts = splitHours(off, [0.5, 0.5]);
  const analysisThreshold = e.detector.analysisThreshold!.value as number;
  const base: SimConfig = {
    ...g,
    experiment: "TEXONO",
    detector: "1.06 kg HPGe in NaI(Tl)/CsI(Tl) anti-Compton detectors, passive shield, cosmic veto; 28 m from a 2.9 GW core (KSNL)",
    description: "nuem simulation of the TEXONO magnetic-moment data (one-hour runs, reactor power log, artefacts)",
    detectorMassKg: e.detector.mass.value,
    // Analysis from 12 keV (seed talk); the upper end 60 keV as in the TEXONO PRD 2007 fit range.
    roiKeV: [[analysisThreshold, 60]],
    power: {
      ...g.power,
      nominalGW: e.reactor.thermalPower.value,
      // No accuracy is given for KSNL: 1 % assumed.
      logAccuracyFraction: 0.01,
    },
    // One period, three ON stretches around two refuelling outages (a start date of mid-2001, the
    // PRL 2003 data; approximate). No end date: no interruptions.
    phases: [
      {
        id: 1,
        name: p.name,
        startUtc: "2001-06-01T00:00:00Z",
        segments: [
          { state: "ON", goodHours: onParts[0] },
          { state: "OFF", goodHours: offParts[0] },
          { state: "ON", goodHours: onParts[1] },
          { state: "OFF", goodHours: offParts[1] },
          { state: "ON", goodHours: onParts[2] },
        ],
      },
    ],
    channels: [
      { name: "E1", shapingUs: 2, gain: 1.0, sigma0KeV: 0.45 },
      { name: "E2", shapingUs: 4, gain: 1.004, sigma0KeV: 0.35 },
      { name: "E3", shapingUs: 12, gain: 0.996, sigma0KeV: 0.4 },
    ],
    // DAQ threshold 5 keV (seed talk) as the 50 % point; width 1 keV: fully efficient well below 12 keV.
    trigger: { e0KeV: e.detector.triggerThreshold!.value as number, sigmaKeV: 1.0 },
    // ~1 count/(keV kg day) above 12 keV (seed talk): a 0.9 plateau and a rise below ~10 keV.
    continuum: { ...g.continuum, flatPerKeVKgDay: 0.9, lowExpPerKeVKgDay: 2, lowExpScaleKeV: 5 },
    lines: [
      { name: "Ga K (68Ge)", energyKeV: L.GA_K_keV, ratePerKgDay: 20, halfLifeDays: L.GE68_HALF_LIFE_d, naiFraction: 0 },
      { name: "Ga K (71Ge)", energyKeV: L.GA_K_keV, ratePerKgDay: 3, halfLifeDays: 0, naiFraction: 0 },
      { name: "Zn K (68Ga)", energyKeV: L.ZN_K_keV, ratePerKgDay: 2.2, halfLifeDays: L.GE68_HALF_LIFE_d, naiFraction: 0 },
      // 72Ge(n,gamma)73mGe at a shallow site: the 66.7 keV cascade, absorbed in the crystal.
      { name: "73mGe", energyKeV: L.GE73M_keV, ratePerKgDay: 1, halfLifeDays: 0, naiFraction: 0 },
      ...g.lines.filter((l) => l.energyKeV > 200),
    ],
    linesReferenceUtc: "2001-06-01T00:00:00Z",
    // ~30 m w.e. at KSNL: about twice GEMMA's muon and neutron rates.
    muons: { ...g.muons, ratePerHour: 400 },
    neutrons: { ...g.neutrons, perKeVKgDayAtZero: 6, vetoEfficiency: 0.95 },
    nobleGas: {
      ...g.nobleGas,
      species: g.nobleGas.species.map((s) => ({ ...s, baselineOnPerHour: 0, baselineOffPerHour: 0 })),
      episodesPerMonth: 0,
    },
    noise: {
      ...g.noise,
      artefacts: { ...g.noise.artefacts, amplitudeMinKeV: 3, amplitudeMeanKeV: 2 },
      bursts: { ...g.noise.bursts, amplitudeMinKeV: 3, amplitudeMeanKeV: 3 },
      ringing: { ...g.noise.ringing, firstAmplitudeMeanKeV: 8, amplitudeMinKeV: 3 },
      // Taiwan's mains run at 60 Hz: pick-up at n x 16.667 ms (GEMMA, in Russia: 50 Hz, 20 ms).
      pickup: { ...g.noise.pickup, periodMs: 1000 / 60, amplitudeMinKeV: 3, amplitudeMeanKeV: 2.5 },
    },
    runFlags: { ...g.runFlags, ln2EveryHours: 96, siteWorkPerMonth: 1 },
    pulser: { everyHours: 168, rateHz: 5, amplitudesKeV: [3, 3.5, 4, 4.5, 5, 5.5, 6, 6.5, 7, 7.5, 8] },
  };
  return validateSimConfig(mergeConfig<SimConfig>(base, overrides));
}
