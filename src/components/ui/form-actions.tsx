import { Button } from "./button";

/** The row under an editor's fields: submit, then cancel. Submit is off while the save is in flight, so one click saves once. */
export function FormActions({
  submitLabel = "Save",
  cancelLabel = "Cancel",
  pending = false,
  onCancel,
}: {
  submitLabel?: string;
  cancelLabel?: string;
  pending?: boolean;
  onCancel(): void;
}) {
  return (
    <div className="flex gap-2">
      <Button type="submit" variant="primary" disabled={pending}>
        {submitLabel}
      </Button>
      <Button onClick={onCancel}>{cancelLabel}</Button>
    </div>
  );
}
