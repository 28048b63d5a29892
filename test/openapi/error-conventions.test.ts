import {
  answersErrorsByDefault,
  defaultIsTheErrorConvention,
  documentsNoErrors,
  errorsHaveNoHttpCodes,
  leftToDefault,
  listsNoErrorCodes,
} from '../../src/openapi/error-conventions';
import { factsOf, operationOf } from './facts';

/** A document whose operations `GET /0`, `GET /1`, ... answer with these response keys. */
const answering = (...operations: string[][]) =>
  factsOf({
    openapi: '3.0.3',
    paths: Object.fromEntries(
      operations.map((keys, index) => {
        const responses = Object.fromEntries(keys.map((key) => [key, {}]));
        return [`/${index}`, { get: { responses } }];
      }),
    ),
  });

test('errors answered by default: every operation has default, and no 4xx but 404 is listed', () => {
  expect(answersErrorsByDefault(answering(['200', 'default'], ['200', '404', '500', 'default']))).toBe(true);
  expect(answersErrorsByDefault(answering(['200', 'default'], ['200']))).toBe(false);
  expect(answersErrorsByDefault(answering(['200', 'default'], ['200', '400', 'default']))).toBe(false);
  expect(answersErrorsByDefault(answering(['200', 'default'], ['200', '4XX', 'default']))).toBe(false);
  expect(answersErrorsByDefault(answering())).toBe(false);
});

test('errors without HTTP codes: every explicit error code is one HTTP does not define (ranges aside)', () => {
  expect(errorsHaveNoHttpCodes(answering(['200', '480', '4XX'], ['481', '599']))).toBe(true);
  expect(errorsHaveNoHttpCodes(answering(['200', '480'], ['418']))).toBe(false);
  expect(errorsHaveNoHttpCodes(answering(['200', '5XX']))).toBe(false);
  // The registry's edges: 417 and 418, 421 to 426, 428, 429, 431, 451, 500 to 508, 510 and 511 are HTTP's.
  for (const code of ['400', '417', '418', '421', '426', '428', '429', '431', '451', '500', '508', '510', '511']) {
    expect(errorsHaveNoHttpCodes(answering([code]))).toBe(false);
  }
  for (const code of ['419', '420', '427', '430', '432', '450', '452', '509', '512']) {
    expect(errorsHaveNoHttpCodes(answering([code]))).toBe(true);
  }
  expect(listsNoErrorCodes(answering(['480']))).toBe(true);
  expect(listsNoErrorCodes(answering(['default']))).toBe(true);
  expect(listsNoErrorCodes(answering(['400']))).toBe(false);
});

test('default is the convention when at least half the operations have it', () => {
  expect(defaultIsTheErrorConvention(answering(['default'], ['400']))).toBe(true);
  expect(defaultIsTheErrorConvention(answering(['default'], ['400'], ['401']))).toBe(false);
  expect(defaultIsTheErrorConvention(answering(['200']))).toBe(false);
  // No operation has it when there is none: no convention.
  expect(defaultIsTheErrorConvention(answering())).toBe(false);
});

test('an Azure Resource Manager description has the default convention by design, whatever the count', () => {
  const arm = (path: string) =>
    factsOf({ openapi: '3.0.3', paths: { [path]: { get: { responses: { 200: {}, 404: {} } } }, '/x': {} } });
  expect(defaultIsTheErrorConvention(arm('/subscriptions/{s}/providers/Microsoft.Compute/machines/{m}'))).toBe(true);
  expect(defaultIsTheErrorConvention(arm('/providers/microsoft.insights/operations'))).toBe(true);
  expect(defaultIsTheErrorConvention(arm('/providers/Microsoft./machines'))).toBe(false);
  expect(defaultIsTheErrorConvention(arm('/providers/Contoso.Compute/machines'))).toBe(false);
  expect(defaultIsTheErrorConvention(arm('/machines/{m}'))).toBe(false);
});

test('a document documents no errors: no error code or range, no default', () => {
  expect(documentsNoErrors(answering(['200'], ['201', '3XX']))).toBe(true);
  expect(documentsNoErrors(answering(['200'], ['5XX']))).toBe(false);
  expect(documentsNoErrors(answering(['200'], ['default']))).toBe(false);
});

test('under the default convention, an operation with default, or with no error at all, is left to default', () => {
  const facts = answering(['default'], ['200', '400'], ['200'], ['default']);
  const left = [0, 1, 2, 3].map((index) => leftToDefault(facts, operationOf(facts, `GET /${index}`)));
  expect(left).toEqual([true, false, true, true]);
  const noConvention = answering(['200'], ['400']);
  expect(leftToDefault(noConvention, operationOf(noConvention, 'GET /0'))).toBe(false);
});
