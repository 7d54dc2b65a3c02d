// Recorded cases the stand-in suite does not check, each with the precise reason. A case listed
// here is reported as skipped with its reason (never silently). Keep this list empty unless a
// case truly cannot be reproduced by this suite.
export const EXCLUDED: Record<string, string> = {
};
