// The attributes of a Conform form element. Conform's getFormProps also points aria-describedby at a form-level
// error element; Tandem shows form-level errors in the GOV.UK error summary instead, so that is left out.
type FormLike = {
  id: string;
  onSubmit: (event: React.FormEvent<HTMLFormElement>) => void;
  noValidate: boolean;
};

export function formProps(form: FormLike) {
  return { id: form.id, onSubmit: form.onSubmit, noValidate: form.noValidate };
}
