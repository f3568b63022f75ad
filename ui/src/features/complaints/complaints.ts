// Complaints on the UI side: the intake form's empty input.
import type { ComplaintInput } from '../../bindings/ComplaintInput';
import { todayIso } from '../../lib/deadlines';

export function emptyComplaintInput(today: string = todayIso()): ComplaintInput {
  return {
    reference: '',
    receivedOn: today,
    channel: 'phone',
    complainant: '',
    complainantContact: '',
    subject: '',
    description: '',
    holdingIds: [],
  };
}
