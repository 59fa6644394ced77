/*
 * The two cards of the interview, built as Adaptive Cards 1.5 like PlanBot's: a question with an
 * input that fits its kind, and the plan's summary when every question is answered.
 */
"use strict";

const { CardFactory, MessageFactory } = require("botbuilder");

const EXPECTED = {
  Date: "a date such as 2027-03-15 or 15 Mar 2027",
  DateTimeWindow: "a start and an end, such as 2027-03-15 22:00 to 2027-03-16 02:00",
  People: "email addresses, separated by commas",
  YesNoWithDetail: "yes or no, and any detail after it",
};

function text(value, extra = {}) {
  return { type: "TextBlock", text: value, wrap: true, ...extra };
}

function inputs(question) {
  switch (question.kind) {
    case "Date":
      return [{ type: "Input.Date", id: "answer", label: "Date", isRequired: true, errorMessage: "Pick a date, or say skip." }];
    case "DateTimeWindow":
      return [{ type: "Input.Text", id: "answer", label: "Time window", placeholder: "2027-03-15 22:00 to 2027-03-16 02:00", maxLength: 200, isRequired: true }];
    case "People":
      return [{ type: "Input.Text", id: "answer", label: "People", placeholder: "alex@contoso.com", maxLength: 3000, isRequired: true }];
    case "YesNoWithDetail":
      return [
        { type: "Input.ChoiceSet", id: "answer", label: "Yes or no", style: "compact", isRequired: true, choices: [{ title: "Yes", value: "yes" }, { title: "No", value: "no" }] },
        { type: "Input.Text", id: "detail", label: "Detail (optional)", isMultiline: true, maxLength: 2990 },
      ];
    default:
      return [{ type: "Input.Text", id: "answer", label: "Your answer", placeholder: "Type your answer", isMultiline: true, maxLength: 3000, isRequired: true }];
  }
}

function card(body, actions, fallbackText) {
  return MessageFactory.attachment(
    CardFactory.adaptiveCard({
      type: "AdaptiveCard",
      $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
      version: "1.5",
      body,
      actions,
      fallbackText,
      msteams: { width: "Full" },
    })
  );
}

/** The question at `index` of the checklist, with the problem of the last answer if it was refused. */
function question(plan, checklist, index, problem) {
  const q = checklist[index];
  const title = `${plan.product} ${plan.version}`;
  const body = [text(`${title} · section ${q.section}, ${q.sectionTitle} · question ${index + 1} of ${checklist.length}`, { isSubtle: true, size: "Small" })];
  if (problem) body.push(text(`⚠️ ${problem}`, { color: "Attention" }));
  body.push(text(q.text, { weight: "Bolder", size: "Medium" }));
  if (q.hint) body.push(text(q.hint, { isSubtle: true }));
  if (EXPECTED[q.kind]) body.push(text(`Answer with ${EXPECTED[q.kind]}.`, { isSubtle: true }));
  body.push(...inputs(q));
  const data = { verb: "answer", questionId: q.id, planId: plan.id };
  return card(
    body,
    [
      { type: "Action.Submit", title: "Save answer", data },
      { type: "Action.Submit", title: "Skip", data: { ...data, verb: "skip" }, associatedInputs: "none" },
    ],
    `${title}, question ${index + 1} of ${checklist.length}: ${q.text}`
  );
}

function shown(answer) {
  if (Array.isArray(answer)) return answer.map(person => person.name || person.address).join(", ");
  if (answer && typeof answer === "object") return `${answer.yes ? "Yes" : "No"}${answer.detail ? `: ${answer.detail}` : ""}`;
  return String(answer);
}

/** The plan at 100 %: its facts, then each section with its answers. */
function summary(plan, checklist) {
  const answered = checklist.filter(q => plan.answers[q.id] !== undefined).length;
  const percent = Math.round((answered * 100) / checklist.length);
  const body = [
    text(`Deployment plan: ${plan.product} ${plan.version}`, { weight: "Bolder", size: "Medium" }),
    {
      type: "FactSet",
      facts: [
        { title: "State", value: plan.state },
        { title: "Owner", value: plan.owner },
        { title: "Progress", value: `${percent}% complete, ${answered} of ${checklist.length} questions answered` },
      ],
    },
  ];
  let section = 0;
  for (const q of checklist) {
    if (q.section !== section) {
      section = q.section;
      body.push(text(`${section}. ${q.sectionTitle}`, { weight: "Bolder", separator: true }));
    }
    const answer = plan.answers[q.id];
    body.push(text(`**${q.text}**\n\n${answer === undefined ? "Not answered yet." : shown(answer.value)}`));
  }
  return card(body, [], `Deployment plan ${plan.product} ${plan.version}: ${plan.state}, ${percent}% complete.`);
}

module.exports = { question, summary };
