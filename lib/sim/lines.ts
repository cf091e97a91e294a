/**
 * Line energies used by the simulator, keV, with their sources. X-ray lines of electron-capture
 * decays inside the germanium deposit the K (or L) binding energy of the daughter atom (the whole
 * X-ray/Auger cascade is absorbed in the crystal): X-Ray Data Booklet (LBNL, 3rd ed. 2009),
 * Table 1-1 "Electron binding energies" (Bearden & Burr 1967). Emission lines of atoms outside the
 * crystal (Cs K X-rays of 133Xe): Table 1-2 "Photon energies of principal K- and L-shell emission
 * lines". Gamma energies and half-lives: ENSDF as given by NuDat 3 (NNDC).
 */

/** Ga K-shell binding, 10.367 keV: EC of 68Ge and 71Ge in the crystal (X-Ray Data Booklet Table 1-1). */
export const GA_K_keV = 10.367;
/** Ga L1 binding, 1.299 keV: L-capture of 68Ge/71Ge (Table 1-1). */
export const GA_L1_keV = 1.299;
/** Zn K-shell binding, 9.659 keV: EC branch of 68Ga (daughter of 68Ge) to 68Zn (Table 1-1). */
export const ZN_K_keV = 9.659;
/** Cu K-shell binding, 8.979 keV: EC of 65Zn to 65Cu (Table 1-1). (The brief's "Zn K 8.98 keV" is this line.) */
export const CU_K_keV = 8.979;
/** Ge K-shell binding, 11.103 keV (X-ray Data Booklet, Table 1-1). Not simulated as a line: no common cosmogenic source deposits it alone. */
export const GE_K_keV = 11.103;

/** 68Ge half-life, days (ENSDF: 270.95 d). */
export const GE68_HALF_LIFE_d = 270.95;
/** 71Ge half-life, days (ENSDF: 11.43 d). */
export const GE71_HALF_LIFE_d = 11.43;
/** 65Zn half-life, days (ENSDF: 243.93 d). */
export const ZN65_HALF_LIFE_d = 243.93;

/** 212Pb gamma, 238.632 keV (ENSDF; thorium chain, live-time line of GEMMA). */
export const PB212_keV = 238.632;
/** 60Co gammas, 1173.228 and 1332.492 keV (ENSDF; a cascade: the partner often reaches the NaI). */
export const CO60_1173_keV = 1173.228;
export const CO60_1332_keV = 1332.492;
/** 40K gamma, 1460.820 keV (ENSDF; EC branch, single gamma). */
export const K40_keV = 1460.82;
/** 214Bi gamma, 609.312 keV (ENSDF; radon daughters). */
export const BI214_keV = 609.312;
/** 208Tl gamma, 2614.511 keV (ENSDF; thorium chain). */
export const TL208_keV = 2614.511;
/** 73mGe, 66.725 keV level (ENSDF): 72Ge(n,gamma) in the crystal (TEXONO site, neutron-induced). */
export const GE73M_keV = 66.725;

/** 133Xe gamma, 80.9979 keV (ENSDF; GEMMA cut 2 "81 keV"). */
export const XE133_keV = 80.9979;
/** 135Xe gamma, 249.794 keV (ENSDF; GEMMA cut 2 "250 keV"). */
export const XE135_keV = 249.794;
/** 41Ar gamma, 1293.64 keV, 99.16 % (ENSDF; GEMMA cut 2 "1294 keV"). */
export const AR41_keV = 1293.64;
/** Cs K X-rays after internal conversion of the 81 keV transition of 133Xe (X-Ray Data Booklet Table 1-2). */
export const CS_KA1_keV = 30.973;
export const CS_KA2_keV = 30.625;
export const CS_KB1_keV = 34.987;
