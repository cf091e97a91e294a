import { ALPHA, HBARC_MeVcm, M_ELECTRON_MeV, R0_ELECTRON_cm } from "../constants.js";
import {
  DEFAULT_PHOTOABSORPTION_TABLE,
  type PhotoabsorptionInterpolation,
  type PhotoabsorptionTable,
  defaultInterpolation,
  gePhotoabsorption_cm2PerAtom,
} from "./photoabsorption.js";

/*
 * Magnetic-moment atomic ionization in the equivalent-photon approximation (EPA), GEMMA (11),
 * following H.T. Wong, H.B. Li and S.T. Lin, PRL 105 (2010) 061801 (arXiv:1001.2074):
 *
 *   dsAI/dT = (r0^2 / (pi alpha)) (mu/mu_B)^2 (E^2 / T) sigma_gamma(T)          per atom.
 *
 * Dimensions. r0^2 is an area and sigma_gamma an area, so the formula only makes sense with r0 in
 * natural units: r0 = alpha/m_e (MeV^-1), i.e. r0[cm]/(hbar c). Then
 *   r0^2/(pi alpha) = alpha / (pi m_e^2)  [MeV^-2],
 * times E^2/T [MeV] times sigma_gamma [cm^2] gives cm^2/MeV. No further factor is needed: the
 * coefficient is (mu/mu_B)^2 alpha/(pi m_e^2) = mu^2/pi^2 with mu = (mu/mu_B) e/(2 m_e), e^2 = 4 pi alpha.
 *
 * Derivation (ours, to fix the normalisation; Heaviside-Lorentz units). For a magnetic-moment
 * vertex mu sigma^{ab} q_b between massless spinors, u'bar sigma^{ab} q_b u = -i (k+k')^a u'bar u
 * and sum |u'bar u|^2 = Q^2 (one helicity in), so |M|^2 = mu^2 e^2 P^a P^b W_ab / Q^2 with P = k+k'.
 * With the target at rest, dsigma = mu^2 alpha P^a P^b W_ab /(4 E^2) dT dQ^2/Q^2. Current conservation
 * leaves a longitudinal (charge) term (E+E')^2 Q^4 W_00 / |q|^4 and a transverse term. In the
 * dipole limit W_00(T, q) = (|q|^2/T^2) R_T(T), and real-photon absorption is
 * sigma_gamma(T) = (4 pi^2 alpha / T) R_T(T). Holding R_T at its q -> 0 value over the whole range
 * 0 < Q^2 < 4 E E' (the step Wong et al. later withdrew, arXiv:1001.2074v3, after Voloshin,
 * PRL 105 (2010) 201801) gives from the longitudinal term
 *   dsigma/dT = mu^2 alpha (E+E')^2/(4E^2) (4 E E'/T^2) R_T = (mu^2/pi^2) E E' (E+E')^2/(4E^2) sigma_gamma/T,
 * which for T << E is (mu^2/pi^2)(E^2/T) sigma_gamma: exactly GEMMA (11) with r0 in natural units
 * (the transverse term only adds a logarithm, O(T^2/E^2) relative). The same formalism with the
 * free-electron response W_00 = delta(T - q^2/2m_e) gives mu^2 alpha/T = pi r0^2 (mu/mu_B)^2/T,
 * the 1/T term of GEMMA (2), which checks the normalisation.
 *
 * Consequences: EPA/FE (per atom vs per free electron, T << E) = E^2 sigma_gamma(T) / (pi^2 alpha (hbar c)^2),
 * about 8e3 at T = 1 keV, E = 1 MeV (250 per electron of the 32), growing as E^2: 2-3 orders of
 * magnitude over Z x FE at 1-3 keV for reactor energies, as GEMMA Fig. 7 shows. The E^2 comes
 * entirely from extending the photon-like response to Q^2 ~ 4E^2, far beyond the atomic momentum
 * scale; with the true q dependence the enhancement disappears (stepping approximation).
 */

/** r0^2/(pi alpha) with r0 in natural units, MeV^-2 (= alpha/(pi m_e^2) = 8.896e-3). */
export const EPA_COEFFICIENT_perMeV2 = (R0_ELECTRON_cm / HBARC_MeVcm) ** 2 / (Math.PI * ALPHA);

/** The same coefficient written as alpha/(pi m_e^2), MeV^-2 (equal up to constant rounding, 1e-5). */
export const EPA_COEFFICIENT_FROM_ALPHA_perMeV2 = ALPHA / (Math.PI * M_ELECTRON_MeV * M_ELECTRON_MeV);

/**
 * Magnetic-moment atomic ionization of germanium in the EPA, GEMMA (11), cm^2/MeV per atom.
 * sigma_gamma is the Ge photoabsorption cross section at photon energy T (Elam table by default).
 * Zero outside 0 < T <= T_max(E) (free-electron kinematics); NaN where T is outside the table.
 */
export function dSigmaMagneticEPADT(
  eNuMeV: number,
  tMeV: number,
  muNu_muB: number,
  table: PhotoabsorptionTable = DEFAULT_PHOTOABSORPTION_TABLE,
  interpolation: PhotoabsorptionInterpolation = defaultInterpolation(table),
): number {
  if (!(tMeV > 0) || tMeV > (2 * eNuMeV * eNuMeV) / (M_ELECTRON_MeV + 2 * eNuMeV)) return 0;
  return (
    EPA_COEFFICIENT_perMeV2 * muNu_muB * muNu_muB * ((eNuMeV * eNuMeV) / tMeV) * gePhotoabsorption_cm2PerAtom(tMeV, table, interpolation)
  );
}
