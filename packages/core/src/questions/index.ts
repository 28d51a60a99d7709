// The questions domain: what other domains and the package index may use.
export { answerQuestion } from "./answer-question";
export { askQuestion } from "./ask-question";
export { answerOwner, type QaContentOwner, questionOwner } from "./content-owner";
export { listQuestions } from "./list-questions";
export { listSellerQuestions } from "./list-seller-questions";
export { setAnswerStatus } from "./set-answer-status";
export { setQuestionStatus } from "./set-question-status";
export { voteAnswer } from "./vote-answer";
export { voteQuestion } from "./vote-question";
