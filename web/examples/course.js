// The example course page's lesson script: it drives the second lab through the message API
// and reports the lab's events, as a teacher's page might.
const lab = document.getElementById('lab-softmax');
const log = document.getElementById('lesson-log');

function setTemperature(temperature) {
  window.postMessage({ type: 'embedding-lab:set-state', target: 'lab-softmax', state: { temperature } }, location.origin);
}

document.getElementById('freeze').addEventListener('click', () => setTemperature(0));
document.getElementById('warm').addEventListener('click', () => setTemperature(1));
lab.addEventListener('lab-state-changed', (event) => {
  log.textContent = `The second lab now has temperature ${event.detail.state.temperature}.`;
});

// The exercises: every answer the fourth lab reports, and the progress it keeps when asked.
const answers = document.getElementById('class-progress');
const exercisesLab = document.getElementById('lab-exercises');
exercisesLab.addEventListener('lab-exercise-answered', (event) => {
  const { id, correct, tries } = event.detail;
  const item = document.createElement('li');
  item.textContent = `${id}: ${correct ? 'right' : 'not yet'} (try ${tries})`;
  answers.append(item);
});
exercisesLab.addEventListener('lab-progress', (event) => {
  const item = document.createElement('li');
  const tried = Object.entries(event.detail.progress);
  item.textContent = tried.length === 0 ? 'No exercise tried yet in this browser.'
    : `Kept in this browser: ${tried.map(([id, { tries, correct }]) => `${id} ${correct ? 'right' : 'not yet'} after ${tries}`).join('; ')}.`;
  answers.append(item);
});
document.getElementById('ask-progress').addEventListener('click', () => {
  window.postMessage({ type: 'embedding-lab:get-progress', target: 'lab-exercises' }, location.origin);
});
