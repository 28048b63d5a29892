// A description and its edits, for the features that tell old findings from new ones.

/**
 * A description with two findings on GET /calls/{callId}: no 401 (an error) and no 404 (a warning). The other
 * operations document all three, so that the rules report per operation, not once for the whole document.
 */
export const CALLS = `openapi: 3.0.3
info:
  title: Calls
  version: 1.0.0
security:
  - oauth: [calls:read]
paths:
  /calls/{callId}:
    get:
      parameters:
        - { name: callId, in: path, required: true, schema: { type: string } }
      responses:
        '200': { description: The call }
  /users/{userId}:
    get:
      parameters:
        - { name: userId, in: path, required: true, schema: { type: string } }
      responses:
        '200': { description: The user }
        '401': { $ref: '#/components/responses/Unauthorized' }
        '403': { $ref: '#/components/responses/Forbidden' }
        '404': { description: No such user }
components:
  responses:
    Unauthorized:
      description: Missing, malformed or expired access token
      headers:
        WWW-Authenticate:
          schema: { type: string, example: 'Bearer realm="calls"' }
    Forbidden:
      description: The token lacks a scope this operation needs
      content:
        application/json:
          schema:
            type: object
            properties:
              missing_scopes: { type: array, items: { type: string } }
  securitySchemes:
    oauth:
      type: oauth2
      flows:
        clientCredentials:
          tokenUrl: https://auth.example.com/token
          scopes: { 'calls:read': Read calls }
`;

/** An edit elsewhere in the document that moves every finding down by five lines. */
export const EDITED_ELSEWHERE = CALLS.replace(
  '  title: Calls\n',
  '  title: Calls\n  description: |\n    Calls and users.\n\n    Every operation needs a token.\n  contact: { name: Team }\n',
);

/** One problem more: a DELETE without a 401 (exactly one new finding). */
export const ONE_MORE = CALLS.replace(
  "        '404': { description: No such user }\n",
  "        '404': { description: No such user }\n    delete:\n      parameters:\n" +
    '        - { name: userId, in: path, required: true, schema: { type: string } }\n      responses:\n' +
    "        '204': { description: Deleted }\n        '403': { $ref: '#/components/responses/Forbidden' }\n" +
    "        '404': { description: No such user }\n",
);

/** One problem fewer: GET /calls/{callId} now documents its 404. */
export const ONE_FIXED = CALLS.replace(
  "        '200': { description: The call }\n",
  "        '200': { description: The call }\n        '404': { description: No such call }\n",
);
