// The content format's fields, kind by kind, as the agenda editor shows them. The server's content rules
// (content/StepValidator) are the judge of every value; this only says which inputs each kind gets.
import { t } from './texts.js';

const TYPES = {
  title: { type: 'text' }, question: { type: 'text' }, prompt: { type: 'text' },
  options: { type: 'list', keepsPlaces: true }, networks: { type: 'list' }, roles: { type: 'list' },
  activities: { type: 'list' }, correct: { type: 'list' }, seconds: { type: 'whole' },
  maxPicks: { type: 'whole' }, maxWords: { type: 'whole' }, maxLength: { type: 'whole' }, threshold: { type: 'whole' },
  min: { type: 'number' }, max: { type: 'number' }, truth: { type: 'number' },
  minLabel: { type: 'text' }, maxLabel: { type: 'text' }, unit: { type: 'text' }, source: { type: 'text' },
  radar: { type: 'text' }, hideResults: { type: 'flag' },
  body: { type: 'long' }, notes: { type: 'long' }, duration: { type: 'minutes' }
};

const POLL_END = ['hideResults', 'body', 'duration', 'notes'];
const END = ['body', 'duration', 'notes'];

// Each kind's inputs in the order a facilitator fills them: what is asked first, how it is answered, then the rest.
export const FIELDS = {
  slide: ['title', 'body', 'radar', 'duration', 'notes'],
  single: ['title', 'question', 'options'].concat(POLL_END),
  multiple: ['title', 'question', 'options', 'maxPicks'].concat(POLL_END),
  ranking: ['title', 'question', 'options'].concat(POLL_END),
  scale: ['title', 'question', 'min', 'max', 'minLabel', 'maxLabel', 'radar'].concat(POLL_END),
  wordcloud: ['title', 'question', 'maxWords', 'maxLength'].concat(POLL_END),
  text: ['title', 'question', 'maxLength'].concat(POLL_END),
  guess: ['title', 'question', 'min', 'max', 'truth', 'unit', 'source'].concat(POLL_END),
  profiles: ['title', 'networks', 'threshold'].concat(END),
  raci: ['title', 'roles', 'activities'].concat(END),
  ideas: ['title', 'prompt'].concat(END),
  commitments: ['title', 'prompt'].concat(END),
  quiz: ['title', 'question', 'options', 'correct', 'seconds'].concat(END)
};
Object.defineProperty(FIELDS, '__types', { value: TYPES, enumerable: false });

export function fieldsOf(kind) {
  return FIELDS[kind] || FIELDS.slide;
}

// A step id nobody else in the agenda uses; facilitators never need to see it.
export function freshId(steps, kind) {
  const used = new Set(steps.map(function (s) { return s.id; }));
  for (let n = 1; ; n++) {
    const id = kind + '-' + n;
    if (!used.has(id)) { return id; }
  }
}

// A new step of a kind, filled so that it is valid as it stands except for what only the facilitator can write.
export function newStep(kind, steps) {
  const step = { id: freshId(steps, kind), kind: kind, title: t('console.agenda.new.' + kind), duration: '2m' };
  const options = [t('console.agenda.new.option', 1), t('console.agenda.new.option', 2)];
  switch (kind) {
    case 'single': case 'ranking': step.question = ''; step.options = options; break;
    case 'multiple': step.question = ''; step.options = options; step.maxPicks = 2; break;
    case 'scale': step.question = ''; step.min = 1; step.max = 5; break;
    case 'wordcloud': step.question = ''; step.maxWords = 3; step.maxLength = 24; break;
    case 'text': step.question = ''; step.maxLength = 280; break;
    case 'guess': step.question = ''; step.min = 0; step.max = 100; step.truth = 50; break;
    case 'profiles': step.networks = ['LinkedIn', 'Instagram', 'Facebook']; break;
    case 'raci':
      step.roles = [t('console.agenda.new.role_owner'), t('console.agenda.new.role_everyone')];
      step.activities = [t('console.agenda.new.activity')];
      break;
    case 'ideas': case 'commitments': step.prompt = ''; break;
    case 'quiz': step.question = ''; step.options = options; step.correct = [options[0]]; step.seconds = 20; break;
    default: break;
  }
  return step;
}
