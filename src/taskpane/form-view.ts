/**
 * The form's fields in the page: one labelled control per FieldSpec, a hint, and the engine's
 * message beside the field when its value is wrong. A field shows its error once the trader has
 * left it or tried to save or write, so an untouched form is not a wall of red.
 */
import { el } from "./dom";
import { FIELDS, type FieldSpec, type FormValues } from "./fields";

type Control = HTMLInputElement | HTMLSelectElement;

interface FieldView {
  spec: FieldSpec;
  control: Control;
  error: HTMLElement;
}

function control(spec: FieldSpec, describedBy: string): Control {
  const common = { id: `f-${spec.id}`, name: spec.id, "aria-describedby": describedBy };
  if (spec.kind === "choice") {
    const select = el(
      "select",
      common,
      ...(spec.choices ?? []).map((c) => el("option", { value: c.value }, c.label))
    );
    select.value = spec.initial;
    return select;
  }
  const input = el("input", {
    ...common,
    type: spec.kind === "date" ? "date" : "text",
    inputmode: spec.kind === "number" ? "decimal" : undefined,
    autocomplete: "off",
    spellcheck: "false",
  });
  input.value = spec.initial;
  return input;
}

export class FormView {
  private readonly views = new Map<string, FieldView>();
  private readonly touched = new Set<string>();
  private readonly listeners: (() => void)[] = [];

  /** Builds the fields of each group into the element with id `group-<group>`. */
  constructor(root: HTMLElement) {
    for (const spec of FIELDS) {
      const hintId = `f-${spec.id}-hint`;
      const errorId = `f-${spec.id}-error`;
      const input = control(spec, spec.hint ? `${hintId} ${errorId}` : errorId);
      const error = el("p", { class: "error", id: errorId, hidden: true });
      const field = el(
        "div",
        { class: `field field-${spec.kind}` },
        el("label", { for: input.id }, spec.label),
        input,
        ...(spec.hint ? [el("p", { class: "hint", id: hintId }, spec.hint)] : []),
        error
      );
      const group = root.querySelector(`#group-${spec.group}`);
      if (!group) throw new Error(`the form has no #group-${spec.group}`);
      group.append(field);
      this.views.set(spec.id, { spec, control: input, error });
      input.addEventListener("blur", () => this.leave(spec.id));
      input.addEventListener("change", () => this.leave(spec.id));
    }
  }

  values(): FormValues {
    return Object.fromEntries([...this.views].map(([id, v]) => [id, v.control.value]));
  }

  setValues(values: FormValues): void {
    for (const [id, value] of Object.entries(values)) {
      const view = this.views.get(id);
      if (view) view.control.value = value;
    }
  }

  /**
   * Calls `listener` when a value changes ("input") and when a field is first left, so its error
   * shows: once per field, not again for the "change" and "blur" that follow every edit.
   */
  onInput(listener: () => void): void {
    this.listeners.push(listener);
    for (const view of this.views.values()) view.control.addEventListener("input", listener);
  }

  private leave(id: string): void {
    if (this.touched.has(id)) return;
    this.touched.add(id);
    for (const listener of this.listeners) listener();
  }

  /** From now on these fields' errors show (the ones an action needs), as if left by the trader. */
  reveal(ids: Iterable<string>): void {
    for (const id of ids) this.touched.add(id);
  }

  /** Forget what was touched (after loading a position or starting a new one). */
  reset(): void {
    this.touched.clear();
  }

  showErrors(errors: ReadonlyMap<string, string>): void {
    for (const [id, view] of this.views) {
      const message = errors.get(id);
      const visible = message !== undefined && this.touched.has(id);
      view.error.textContent = visible ? message : "";
      view.error.hidden = !visible;
      if (visible) view.control.setAttribute("aria-invalid", "true");
      else view.control.removeAttribute("aria-invalid");
    }
  }

  /** Moves focus to the first field with an error (in form order), opening its section. */
  focusFirst(ids: Iterable<string>): void {
    const wanted = new Set(ids);
    const first = FIELDS.find((f) => wanted.has(f.id));
    if (!first) return;
    const view = this.views.get(first.id);
    const details = view?.control.closest("details");
    if (details) details.open = true;
    view?.control.focus();
  }
}
