/** After a move that makes an appointment late: by how much, « Annuler » and « Garder cet ordre ». */
import { Msg } from '../../../i18n/Msg.js';
import type { RouteEditing } from './useRouteEditing.js';

export function LateMoveWarning({ editing }: { editing: RouteEditing }) {
  const { lateMove, lateText, undoMove, keepMove } = editing;
  if (!lateMove) return null;
  return (
    <div className="route__late-move" data-testid="route-late-move">
      {/* Announced by the route's live region with the move itself. */}
      <p className="route__late-move-text">{lateText(lateMove)}</p>
      <div className="route__late-move-actions">
        <button
          type="button"
          className="btn btn--small btn--primary"
          aria-keyshortcuts="Control+Z"
          onClick={undoMove}
        >
          <Msg id="route.undo" />
        </button>
        <button type="button" className="btn btn--small btn--ghost" onClick={keepMove}>
          <Msg id="route.keepOrder" />
        </button>
      </div>
    </div>
  );
}
