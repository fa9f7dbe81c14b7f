import { EventLog } from './EventLog.tsx';
import { RunStopNotice } from './RunStopNotice.tsx';
import { Timeline } from './Timeline.tsx';
import { TransportBar } from './TransportBar.tsx';

// What the playback dock shows once there is a run: its own chunk, loaded with the first run
// (issue #15: the first canvas does not wait for it). The keys and the clock stay in
// <PlaybackDock/>, so Ctrl+Enter works before this has loaded.
export default function RunDock() {
  return (
    <>
      <TransportBar />
      <RunStopNotice />
      <div className="pb-dock-body">
        <Timeline />
        <EventLog />
      </div>
    </>
  );
}
