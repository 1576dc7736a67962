function on(id) { document.getElementById(id).classList.toggle('a') }
window.addEventListener('load', () => on('p'))