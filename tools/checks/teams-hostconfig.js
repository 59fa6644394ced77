'use strict';
// Where Teams' host config for the Adaptive Cards renderer comes from: TEAMS_HOSTCONFIG when it is
// set, else the copy Microsoft publishes in the card designer package (installed from this folder's
// lockfile), so a clone of the repository alone renders cards as Teams does.
const path = require('node:path');

function teamsHostConfigPath() {
  if (process.env.TEAMS_HOSTCONFIG) return process.env.TEAMS_HOSTCONFIG;
  const designer = path.dirname(require.resolve('adaptivecards-designer/package.json'));
  return path.join(designer, 'lib', 'hostConfigs', 'microsoft-teams-light.json');
}

module.exports = { teamsHostConfigPath };
