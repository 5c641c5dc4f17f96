// The background of the read-and-send floor (bench only, peers/read-and-send.js): answers every text with
// "nothing here", as Legal Lens's background answers a text that holds no term.
chrome.runtime.onMessage.addListener((_message, _sender, reply) => {
  reply({ heads: {}, categories: {}, loaded: false });
});
