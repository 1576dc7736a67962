const el = document.createElement('div')
el.setAttribute('role', 'listitem')
el.appendChild(document.createTextNode('x'))
list.appendChild(el)