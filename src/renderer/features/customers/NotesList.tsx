import { FormattedDate } from 'react-intl';
import { useApp } from '../../app/context.js';
import { Msg, Text } from '../../i18n/Msg.js';
import { Badge } from '../../ui/Badge.js';
import { SkeletonRows } from '../../ui/Skeleton.js';
import { useNotes } from './queries.js';

export function NotesList({ customerId }: { customerId: string }) {
  const { db } = useApp();
  const notes = useNotes(db, customerId);
  if (notes === undefined) return <SkeletonRows rows={3} label="" />;
  if (notes.length === 0) {
    return <Text as="p" className="notes__empty" msg="notes.empty" />;
  }
  return (
    <ol className="notes">
      {notes.map((note) => (
        <li key={note.id} className="note">
          <div className="note__meta">
            <span>
              <Msg
                id="notes.meta"
                values={{
                  author: note.authorName,
                  date: <FormattedDate value={note.createdAt} dateStyle="medium" timeStyle="short" />,
                }}
              />
            </span>
            {note.receivedAt === null ? (
              <Badge tone="warning">
                <Msg id="notes.local" />
              </Badge>
            ) : (
              <Badge tone="success">
                <Msg id="notes.received" />
              </Badge>
            )}
          </div>
          <p className="note__body">{note.body}</p>
        </li>
      ))}
    </ol>
  );
}
