// Cross sections: dsigma/dT in cm^2/MeV, energies in MeV.
export * from "./units.js";
export * from "./elements.js";
export * from "./kinematics.js";
export * from "./weak.js";
export * from "./chargeRadius.js";
export * from "./magneticMoment.js";
export * from "./photoabsorption.js";
export * from "./shells.js";
export * from "./atomicIonizationEPA.js";
export * from "./stepping.js";
export * from "./millicharge.js";
export * from "./cevns.js";
export * from "./quenching.js";
export * from "./registry.js";
export * from "./grid.js";
