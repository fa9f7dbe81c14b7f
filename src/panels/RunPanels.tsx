// OWNER: playback engineer. Placeholder until the run panels land.
export function RunSidePanel() {
  return null;
}

export function PlaybackDock() {
  return null;
}
