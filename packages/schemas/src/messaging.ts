// Buyer–seller conversations (issue #15): inputs and outputs of `messages.*`, `seller.messages.*`, `admin.messages.*`.
export {};
