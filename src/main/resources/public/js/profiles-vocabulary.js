// The fixed answers of the profile-linking exercise, and their words in the
// page's language; the server sends keys, every screen words them itself.
import { t } from './texts.js';

var PRESENCE = ['yes', 'no', 'private'];
var LADDER = ['none', 'follow', 'name', 'share', 'speak'];
var OBSTACLES = ['privacy', 'time', 'not_my_job', 'mistakes', 'consequences', 'separate_lives', 'other'];
var HELPS = ['guidelines', 'training', 'work_time', 'examples', 'worth_following', 'other'];
var LABEL = {
  presence: { yes: t('profiles.presence.yes'), no: t('profiles.presence.no'), 'private': t('profiles.presence.private') },
  ladder: { none: t('profiles.ladder.none'), follow: t('profiles.ladder.follow'), name: t('profiles.ladder.name'),
    share: t('profiles.ladder.share'), speak: t('profiles.ladder.speak') },
  obstacle: { privacy: t('profiles.obstacle.privacy'), time: t('profiles.obstacle.time'),
    not_my_job: t('profiles.obstacle.not_my_job'), mistakes: t('profiles.obstacle.mistakes'),
    consequences: t('profiles.obstacle.consequences'), separate_lives: t('profiles.obstacle.separate_lives'),
    other: t('profiles.obstacle.other') },
  help: { guidelines: t('profiles.help.guidelines'), training: t('profiles.help.training'),
    work_time: t('profiles.help.work_time'), examples: t('profiles.help.examples'),
    worth_following: t('profiles.help.worth_following'), other: t('profiles.help.other') }
};
export { PRESENCE, LADDER, OBSTACLES, HELPS, LABEL };
