(module (; (; ;) )
