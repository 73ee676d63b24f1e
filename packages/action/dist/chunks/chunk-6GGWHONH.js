import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// ../core/src/errors.ts
var ProfileError = class extends Error {
  constructor(message, problems = []) {
    super(
      problems.length > 0 ? `${message}
${problems.map((p) => `  - ${p}`).join("\n")}` : message
    );
    this.problems = problems;
  }
  problems;
  name = "ProfileError";
};

export {
  ProfileError
};
