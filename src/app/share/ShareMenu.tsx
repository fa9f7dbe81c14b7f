// OWNER: share/embed engineer. Placeholder: the toolbar mounts <ShareMenu />.
export function ShareMenu() {
  return null;
}
