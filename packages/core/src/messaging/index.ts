// Buyer–seller conversations (issue #15).
export {};
