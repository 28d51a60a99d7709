// zod schemas of the returns domain: inputs, DTOs and their enums.
export {};
