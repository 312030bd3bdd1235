/**
 * Operation breakdowns of the two products the bundled lines sew, in line order, with standard
 * minutes (SMV) of the kind a GSD study gives. 32 operations each, one per station.
 */
export interface SewingOperation {
  name: string;
  /** Standard minute value per piece. */
  smv: number;
  machine: 'lockstitch' | 'overlock' | 'buttonhole' | 'button' | 'bartack' | 'blindstitch';
}

const op = (
  name: string,
  smv: number,
  machine: SewingOperation['machine'] = 'lockstitch',
): SewingOperation => ({ name, smv, machine });

export const JACKET_OPERATIONS: readonly SewingOperation[] = [
  op('Sew front darts', 1.2),
  op('Join side panels to fronts', 1.6),
  op('Sew chest welt pocket', 2.4),
  op('Attach flap pockets', 2.8),
  op('Sew jetted pocket welts', 2.6),
  op('Attach ticket pocket', 1.9),
  op('Pad-stitch front canvas', 3.1),
  op('Tape front edges', 1.4),
  op('Sew centre back seam', 0.9),
  op('Join shoulders', 1.1),
  op('Sew side seams', 1.3),
  op('Overlock lining panels', 1.5, 'overlock'),
  op('Sew inside breast pocket', 2.2),
  op('Attach facings to lining', 1.8),
  op('Attach lining to fronts', 2.1),
  op('Sew front edges and lapels', 2.3),
  op('Understitch facings', 1.2),
  op('Join under-collar', 1.0),
  op('Attach under-collar', 1.7),
  op('Attach top collar', 2.0),
  op('Sew sleeve seams', 1.4),
  op('Sew sleeve vents', 1.6),
  op('Attach sleeve linings', 1.9),
  op('Set sleeves', 3.2),
  op('Sew shoulder pads', 1.5),
  op('Attach sleeve heads', 1.3),
  op('Close lining', 1.4),
  op('Blind-hem jacket bottom', 1.1, 'blindstitch'),
  op('Topstitch lapel edges', 1.6),
  op('Keyhole buttonholes', 0.9, 'buttonhole'),
  op('Sew buttons', 0.8, 'button'),
  op('Bartack stress points', 0.7, 'bartack'),
];

export const TROUSER_OPERATIONS: readonly SewingOperation[] = [
  op('Overlock trouser panels', 1.1, 'overlock'),
  op('Sew front pleats', 0.8),
  op('Attach pocket facings', 1.0),
  op('Sew side pocket bags', 1.3),
  op('Topstitch side pockets', 0.9),
  op('Sew back darts', 0.7),
  op('Make back welt pockets', 2.4),
  op('Attach back pocket bags', 1.2),
  op('Overlock fly pieces', 0.6, 'overlock'),
  op('Attach zip to left fly', 1.0),
  op('Attach right fly', 1.1),
  op('Sew front crotch', 0.8),
  op('Join side seams', 1.2),
  op('Topstitch side seams', 0.9),
  op('Sew inseams', 1.1),
  op('Sew seat seam', 0.9),
  op('Make waistband', 1.3),
  op('Attach waistband curtain', 1.2),
  op('Attach waistband', 1.6),
  op('Make belt loops', 0.5),
  op('Attach belt loops', 1.0, 'bartack'),
  op('Close waistband ends', 1.1),
  op('Attach knee linings', 1.2),
  op('Attach hook and bar', 0.6),
  op('Buttonhole waistband', 0.4, 'buttonhole'),
  op('Sew buttons', 0.5, 'button'),
  op('Bartack fly', 0.4, 'bartack'),
  op('Bartack pockets', 0.6, 'bartack'),
  op('Overlock hems', 0.7, 'overlock'),
  op('Blind-stitch hems', 0.9, 'blindstitch'),
  op('Attach heel tape', 0.8),
  op('Topstitch waistband', 0.9),
];
