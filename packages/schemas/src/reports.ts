// zod schemas of the reports domain: inputs, DTOs and their enums.
export {};
