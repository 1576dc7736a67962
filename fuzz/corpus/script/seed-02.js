const t = document.getElementById('t')
document.querySelector('#main').appendChild(t.content)