// A choice of a few buttons, one pressed: a segmented control.
export function Segmented<T extends string | number>(props: {
  label: string;
  testId?: string;
  choices: { value: T; text: string }[];
  value: T;
  onChoose: (value: T) => void;
}) {
  return (
    <div className="segmented" role="group" aria-label={props.label} data-testid={props.testId}>
      {props.choices.map((c) => (
        <button
          key={c.value}
          type="button"
          className={c.value === props.value ? 'segmented__btn is-active' : 'segmented__btn'}
          aria-pressed={c.value === props.value}
          onClick={() => props.onChoose(c.value)}
        >
          {c.text}
        </button>
      ))}
    </div>
  );
}
