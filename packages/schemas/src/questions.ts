// zod schemas of the questions domain: inputs, DTOs and their enums.
export {};
