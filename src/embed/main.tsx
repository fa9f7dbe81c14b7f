// OWNER: share/embed engineer. Placeholder entry for embed.html.
import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root')!).render(<p>Ripple embed</p>);
