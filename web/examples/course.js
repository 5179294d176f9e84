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
