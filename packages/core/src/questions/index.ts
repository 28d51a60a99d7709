// The questions domain: what other domains and the package index may use.
export { answerQuestion } from "./answer-question";
export { askQuestion } from "./ask-question";
export { listQuestions } from "./list-questions";
export { listSellerQuestions } from "./list-seller-questions";
export { voteAnswer } from "./vote-answer";
export { voteQuestion } from "./vote-question";
