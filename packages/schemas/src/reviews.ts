// zod schemas of the reviews domain: inputs, DTOs and their enums.
export {};
