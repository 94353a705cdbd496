// The live alert page: listens to the server-sent alert feed, beeps, shows a browser notification where allowed,
// and puts the alert's card (rendered by the server, with its htmx actions) on top of the list.
(() => {
  const root = document.querySelector('.alerts-live');
  if (!root) return;
  const list = document.getElementById('alerts');
  const status = document.getElementById('live-status');
  const cardUrl = (id) => root.dataset.card + id + '/card';
  let audio = null;

  function beep() {
    try {
      audio = audio || new (window.AudioContext || window.webkitAudioContext)();
      const osc = audio.createOscillator();
      const gain = audio.createGain();
      osc.type = 'square';
      osc.frequency.value = 880;
      gain.gain.setValueAtTime(0.15, audio.currentTime);
      gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.4);
      osc.connect(gain).connect(audio.destination);
      osc.start();
      osc.stop(audio.currentTime + 0.4);
    } catch (e) { /* no audio: the card still appears */ }
  }

  function notify(alert) {
    if (!('Notification' in window) || Notification.permission !== 'granted') return;
    const title = document.getElementById('notify-title').textContent;
    new Notification(title, { body: [alert.plate || alert.tag || alert.deviceId, alert.place].filter(Boolean).join(' · '),
      tag: 'alert-' + alert.id });
  }

  document.getElementById('enable-sound').addEventListener('click', () => {
    audio = audio || new (window.AudioContext || window.webkitAudioContext)();
    audio.resume();
    if ('Notification' in window && Notification.permission === 'default') Notification.requestPermission();
  });

  const source = new EventSource(root.dataset.stream);
  source.onopen = () => { status.textContent = status.dataset.on; status.classList.add('on'); };
  source.onerror = () => { status.textContent = status.dataset.off; status.classList.remove('on'); };
  source.addEventListener('alert', (e) => {
    const alert = JSON.parse(e.data);
    if (document.getElementById('alert-' + alert.id)) return;
    const empty = document.getElementById('no-alerts');
    if (empty) empty.remove();
    const slot = document.createElement('div');
    slot.id = 'alert-' + alert.id;
    slot.className = 'card alert-card pending';
    list.prepend(slot);
    htmx.ajax('GET', cardUrl(alert.id), { target: slot, swap: 'outerHTML' });
    beep();
    notify(alert);
  });
  source.addEventListener('alert-changed', (e) => {
    const alert = JSON.parse(e.data);
    const el = document.getElementById('alert-' + alert.id);
    if (el && el.dataset.state !== alert.state) {
      htmx.ajax('GET', cardUrl(alert.id), { target: el, swap: 'outerHTML' });
    }
  });
})();
