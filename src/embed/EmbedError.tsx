// An embed whose link cannot be read still says what is wrong, in the frame, and offers the
// app (whose recovery screen has the details and ways forward). Never a blank frame.
import type { LinkProblem } from '../app/share/links.ts';

export function EmbedError({ problem, appUrl }: { problem: LinkProblem | null; appUrl: string }) {
  return (
    <div className="embed embed--error" role="alert">
      <p className="embed__error-title">{problem ? 'This embedded scenario cannot be shown' : 'No scenario in this embed'}</p>
      <p>{problem ? problem.message : 'The embed’s address has no scenario after “#”. Copy the embed code again from Ripple’s Share dialog.'}</p>
      {problem && (
        <a className="embed__open" href={appUrl} target="_blank" rel="noopener noreferrer">
          Open in Ripple for details ↗
        </a>
      )}
    </div>
  );
}
