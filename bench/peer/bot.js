/*
 * PlanBot's interview as a typical Bot Framework SDK bot writes it: an ActivityHandler with its
 * state in ConversationState (the interview: plan, next question, answers) and UserState (the
 * user's plans), saved once per turn. BotState reads each scope on first use in a turn and writes
 * it back only if it changed, with the eTag it read: a conditional write, as PlanBot's.
 */
"use strict";

const { ActivityHandler, MessageFactory, TeamsInfo } = require("botbuilder");
const crypto = require("crypto");
const answers = require("./answers");
const cards = require("./cards");

const PLAN = /^plan\s+(\S+)\s+(\S+)\s*$/i;
const KEPT_ACTIVITY_IDS = 8;

/** The user's time zone as Teams sends it (clientInfo), else UTC. */
function timeZoneOf(activity) {
  const info = (activity.entities || []).find(e => e.type === "clientInfo");
  return (info && info.timezone) || activity.localTimezone || "UTC";
}

class InterviewBot extends ActivityHandler {
  constructor(conversationState, userState, checklist) {
    super();
    this.conversationState = conversationState;
    this.userState = userState;
    this.checklist = checklist;
    this.interview = conversationState.createProperty("interview");
    this.recentActivityIds = conversationState.createProperty("recentActivityIds");
    this.plans = userState.createProperty("plans");
    this.onMessage(async (context, next) => {
      await this.message(context);
      await next();
    });
  }

  async run(context) {
    await super.run(context);
    await this.conversationState.saveChanges(context);
    await this.userState.saveChanges(context);
  }

  async message(context) {
    const activity = context.activity;
    // A redelivered activity (the channel retries when it saw no answer in time) changes nothing twice.
    const recent = await this.recentActivityIds.get(context, []);
    if (activity.id && recent.includes(activity.id)) return;
    if (activity.id) {
      recent.push(activity.id);
      if (recent.length > KEPT_ACTIVITY_IDS) recent.shift();
    }

    const text = (activity.text || (activity.value && activity.value.answer) || "").trim();
    const start = PLAN.exec(text);
    if (start) {
      await this.startPlan(context, start[1], start[2]);
      return;
    }

    const plan = await this.interview.get(context);
    if (!plan || plan.state !== "draft") {
      await context.sendActivity(MessageFactory.text("Say plan <product> <version> to start a deployment plan."));
      return;
    }
    await this.answer(context, plan, text);
  }

  async startPlan(context, product, version) {
    const plans = await this.plans.get(context, []);
    const conversationId = context.activity.conversation.id;
    let plan = await this.interview.get(context);
    if (!plan || plan.product !== product || plan.version !== version) {
      plan = {
        id: crypto.randomUUID(),
        product,
        version,
        owner: context.activity.from.name || context.activity.from.id,
        state: "draft",
        next: 0,
        answers: {},
        created: new Date().toISOString(),
      };
      await this.interview.set(context, plan);
      plans.push({ id: plan.id, product, version, conversationId, state: plan.state });
    }
    await context.sendActivity(cards.question(plan, this.checklist, plan.next));
  }

  async answer(context, plan, text) {
    const question = this.checklist[plan.next];
    const timeZone = timeZoneOf(context.activity);
    let read = answers.read(question.kind, text, answers.today(timeZone), timeZone);
    if (read.ok && question.kind === "People") read = await this.lookUp(context, read.value);
    if (!read.ok) {
      await context.sendActivity(cards.question(plan, this.checklist, plan.next, read.problem));
      return;
    }

    plan.answers[question.id] = { value: read.value, by: context.activity.from.id, at: new Date().toISOString() };
    plan.next += 1;
    if (plan.next < this.checklist.length) {
      await context.sendActivity(cards.question(plan, this.checklist, plan.next));
      return;
    }

    plan.state = "complete";
    const plans = await this.plans.get(context, []);
    const mine = plans.find(p => p.id === plan.id);
    if (mine) mine.state = plan.state;
    await context.sendActivity(cards.summary(plan, this.checklist));
  }

  /** Each address looked up among the conversation's members; one who is not a member is kept by address. */
  async lookUp(context, addresses) {
    const people = [];
    for (const address of addresses) {
      try {
        const member = await TeamsInfo.getMember(context, address);
        people.push({ address, id: member.id, aadObjectId: member.aadObjectId, name: member.name });
      } catch (err) {
        if (err.statusCode !== 404) throw err;
        people.push({ address });
      }
    }
    return { ok: true, value: people };
  }
}

module.exports = { InterviewBot };
