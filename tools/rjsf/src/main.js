// The CreateAutoMLJob request as a competent engineer would put it in react-jsonschema-form:
// the generated JSON Schema (scripts/gen-json-schema.py), the ajv8 validator, live validation,
// the default theme and widgets, no custom code beyond showing the JSON on submit.
import { createElement as h, StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import Form from '@rjsf/core';
import validator from '@rjsf/validator-ajv8';
import 'bootstrap/dist/css/bootstrap.min.css'; // the default theme is Bootstrap 3 markup (rjsf docs)
import schema from './schema.json';

function App() {
  const [formData, setFormData] = useState({});
  const [submitted, setSubmitted] = useState(null);
  return h('main', { className: 'container' },
    h(Form, {
      schema,
      validator,
      formData,
      liveValidate: 'onChange',
      // Without this rjsf fills optional lists with minItems (VpcConfig's SecurityGroupIds and
      // Subnets) with one empty entry each, and an untouched form can never be submitted.
      experimental_defaultFormStateBehavior: {
        arrayMinItems: { populate: 'requiredOnly' },
        emptyObjectFields: 'populateRequiredDefaults',
      },
      onChange: (e) => setFormData(e.formData),
      onSubmit: (e) => setSubmitted(JSON.stringify(e.formData, null, 2)),
    }),
    submitted && h('pre', { id: 'request-json' }, submitted),
  );
}

createRoot(document.getElementById('root')).render(h(StrictMode, null, h(App)));
